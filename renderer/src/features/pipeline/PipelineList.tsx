import { STAGE_LABELS, type OpeningSummary } from '../../../../shared/domain/opening';
import { hrefFor } from '../../router';
import { InterviewWhen } from './InterviewWhen';

export function PipelineList({ openings, now, caption }: { openings: OpeningSummary[]; now: number; caption: string }) {
  return (
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
        {openings.map((opening) => (
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
  );
}
