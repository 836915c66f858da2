import { Fragment, type ReactNode } from 'react';
import { hrefFor, type Route } from '../router';
import { Alert } from './Alert';
import { NotFound } from './NotFound';
import type { AsyncData } from './useAsyncData';
import './detail-page.css';

export interface Crumb {
  label: string;
  route: Route;
}

interface DetailPendingProps {
  /** "company", "reference brief": said in the page's messages. */
  what: string;
  /** The page's load; its data is null when the vault has no such item. */
  state: AsyncData<unknown>;
  /** Where to go instead, from a page that is not there. */
  back: Crumb;
}

/**
 * A detail page before its item is on screen: not in the vault (it may be
 * in the trash), still loading, or not loaded, with Try again.
 */
export function DetailPending({ what, state, back }: DetailPendingProps) {
  if (state.data === null && !state.loading) return <NotFound what={what} back={back} />;
  return (
    <section className="page" aria-busy={state.loading} aria-label={what.charAt(0).toUpperCase() + what.slice(1)}>
      {state.error ? (
        <>
          <Alert tone="error">
            The {what} could not be loaded: {state.error}
          </Alert>
          <p>
            <button type="button" className="button" onClick={state.reload}>
              Try again
            </button>{' '}
            <a href={hrefFor(back.route)}>{back.label}</a>
          </p>
        </>
      ) : (
        <p className="muted" role="status">
          Loading the {what}…
        </p>
      )}
    </section>
  );
}

interface DetailPageProps {
  what: string;
  className?: string;
  /** The pages above this one, left to right; the page itself ends the trail. */
  trail: Crumb[];
  /** How the trail names this page, when not by its title. */
  crumb?: string;
  title: string;
  /** What stands under the title: a subtitle, badges, when and where. */
  about?: ReactNode;
  actions?: ReactNode;
  /** The actions' own layout, where a page arranges them its way. */
  actionsClassName?: string;
  /** Said to screen readers after a change on the page ("Contact saved."). */
  announcement?: string;
  /** A reload that failed while the page was showing: what is on screen may be out of date. */
  refreshError?: string;
  children: ReactNode;
}

/** Every detail page's frame: the trail back, the title with its actions, and a word when a refresh failed. */
export function DetailPage({ what, className, trail, crumb, title, about, actions, actionsClassName = 'section-actions', announcement, refreshError, children }: DetailPageProps) {
  const titleId = `${what.replace(/\W+/g, '-')}-title`;
  return (
    <article className={className ? `page ${className}` : 'page'} aria-labelledby={titleId}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        {trail.map((step) => (
          <Fragment key={hrefFor(step.route)}>
            <a href={hrefFor(step.route)}>{step.label}</a>
            <span aria-hidden="true"> / </span>
          </Fragment>
        ))}
        <span aria-current="page">{crumb ?? title}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1 id={titleId}>{title}</h1>
          {about}
        </div>
        {actions && <div className={actionsClassName}>{actions}</div>}
      </header>
      {announcement !== undefined && (
        <div role="status" aria-live="polite" className="sr-only">
          {announcement}
        </div>
      )}
      {refreshError && <Alert tone="error">The latest changes to this {what} could not be loaded: {refreshError}</Alert>}
      {children}
    </article>
  );
}
