import { call } from '#renderer/api';
import { hrefFor } from '#renderer/router';
import { Alert } from '#renderer/ui/Alert';
import { Section } from '#renderer/ui/Section';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { FunnelChart } from './FunnelChart';
import { ResponseTimesChart } from './ResponseTimesChart';
import './insights.css';

const loadOverview = () => call('insights.overview', undefined);

/** The search so far, in two pictures: how far openings get, and how long employers take to answer. */
export function InsightsPage() {
  const { data, error, reload } = useAsyncData(loadOverview);

  return (
    <section className="page insights-page" aria-labelledby="insights-title">
      <header className="page-header">
        <div>
          <h1 id="insights-title">Insights</h1>
          <p className="subtitle">How far your openings get, and how long employers take to answer. Counted from what you have logged.</p>
        </div>
      </header>
      {error && (
        <Alert tone="error" onRetry={reload}>
          The insights could not be worked out: {error}
        </Alert>
      )}
      {data === undefined ? (
        !error && (
          <p className="muted" role="status">
            Counting…
          </p>
        )
      ) : data.funnel.total === 0 ? (
        <div className="empty">
          <h2>Log your first application to see your funnel</h2>
          <p>Add the openings you are pursuing and move them along as things happen. Once there is something to count, this page shows how far they get and how long answers take.</p>
          <div className="form-actions">
            <a className="button primary" href={hrefFor({ name: 'pipeline' })}>
              Go to the pipeline
            </a>
            <a className="button" href={hrefFor({ name: 'guide' })}>
              How Afterview works
            </a>
          </div>
        </div>
      ) : (
        <>
          <Section title="Pipeline funnel">
            <FunnelChart funnel={data.funnel} />
          </Section>
          <Section title="How long employers took to answer">
            <ResponseTimesChart times={data.responseTimes} />
          </Section>
        </>
      )}
    </section>
  );
}
