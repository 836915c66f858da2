import type { ReactNode } from 'react';
import { OpeningPage } from './features/opening/OpeningPage';
import { PipelinePage } from './features/pipeline/PipelinePage';
import { TrashPage } from './features/trash/TrashPage';
import { hrefFor, NAV_ITEMS, useRoute, type Route } from './router';
import { ToastProvider } from './ui/toast';

/** One line per screen; a screen receives its route (and id). */
function screenFor(route: Route): ReactNode {
  switch (route.name) {
    case 'pipeline':
      return <PipelinePage />;
    case 'opening':
      return <OpeningPage key={route.id} id={route.id} />;
    case 'trash':
      return <TrashPage />;
    default:
      return <PipelinePage />;
  }
}

export function App() {
  const route = useRoute();
  return (
    <ToastProvider>
      <div className="shell">
        <nav className="sidebar" aria-label="Main">
          <div className="brand">
            <img src="./logo.svg" alt="" width="28" height="28" />
            <span>Afterview</span>
          </div>
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.label}>
                <a href={hrefFor(item.route)} aria-current={item.section.includes(route.name) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content">{screenFor(route)}</main>
      </div>
    </ToastProvider>
  );
}
