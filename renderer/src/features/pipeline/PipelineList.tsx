import { STAGE_LABELS } from '#shared/domain/opening';
import type { PipelineRow } from '#shared/domain/pipeline';
import { hrefFor } from '#renderer/router';
import { ShowMore } from '#renderer/ui/ShowMore';
import { useIncrementalList } from '#renderer/ui/useIncrementalList';
import { InterviewWhen } from './InterviewWhen';
import { NextActionLine } from './NextActionLine';

interface PipelineListProps {
  openings: PipelineRow[];
  now: number;
  caption: string;
  /** What the user filtered and sorted by: when it changes, the list starts again at its first page. */
  query: string;
}

export function PipelineList({ openings, now, caption, query }: PipelineListProps) {
  const list = useIncrementalList(openings, query);
  return (
    <>
      <table className="table pipeline-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Company</th>
            <th scope="col">Stage</th>
            <th scope="col">Location</th>
            <th scope="col">Interviews</th>
            <th scope="col">Next action</th>
          </tr>
        </thead>
        <tbody>
          {list.visible.map((opening) => (
            <tr key={opening.id}>
              <td className="strong">
                <a href={hrefFor({ name: 'opening', id: opening.id })}>{opening.role}</a>
              </td>
              <td>{opening.companyName}</td>
              <td>
                <span className={`stage stage-${opening.stage}`}>{STAGE_LABELS[opening.stage]}</span>
              </td>
              <td>{opening.location ?? <span className="muted">—</span>}</td>
              <td>
                <InterviewWhen opening={opening} now={now} short />
              </td>
              <td>
                {opening.nextAction ? (
                  <NextActionLine action={opening.nextAction} now={now} />
                ) : (
                  <span className="muted">
                    <span aria-hidden="true">—</span>
                    <span className="sr-only">Nothing planned</span>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore list={list} what="openings" />
    </>
  );
}
