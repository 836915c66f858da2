import { PipelinePage } from './features/pipeline/PipelinePage';
import { hrefFor, ROUTES, useRoute } from './router';

export function App() {
  const route = useRoute();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <img src="./logo.svg" alt="" width="28" height="28" />
          <span>Afterview</span>
        </div>
        <ul>
          {ROUTES.map((item) => (
            <li key={item.path}>
              <a href={hrefFor(item.path)} aria-current={route === item.path ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">{route === '/pipeline' && <PipelinePage />}</main>
    </div>
  );
}
