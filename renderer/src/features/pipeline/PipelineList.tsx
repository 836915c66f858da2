import { STAGE_LABELS, type OpeningSummary } from '../../../../shared/domain/opening';
import { hrefFor } from '../../router';
import { ShowMore } from '../../ui/ShowMore';
import { useIncrementalList } from '../../ui/useIncrementalList';
import { InterviewWhen } from './InterviewWhen';

interface PipelineListProps {
  openings: OpeningSummary[];
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
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore list={list} what="openings" />
    </>
  );
}
