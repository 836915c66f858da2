import { ApiError } from '../api';
import { hrefFor, type Route } from '../router';

/** Resolves to null when the core says the item does not exist (or is in the trash). */
export async function orNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (caught) {
    if (caught instanceof ApiError && caught.code === 'NOT_FOUND') return null;
    throw caught;
  }
}

/** What a detail page shows for an id that leads nowhere: where it may be, and a way on. */
export function NotFound({ what, back }: { what: string; back: { label: string; route: Route } }) {
  return (
    <section className="page" aria-labelledby="not-found-title">
      <div className="empty">
        <h1 id="not-found-title">This {what} is not in your vault</h1>
        <p>It may have been moved to the trash, where you can restore it, or the link is out of date.</p>
        <p>
          <a href={hrefFor(back.route)}>{back.label}</a> · <a href={hrefFor({ name: 'trash' })}>Open the trash</a>
        </p>
      </div>
    </section>
  );
}
