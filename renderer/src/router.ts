import { useEffect, useState } from 'react';

/** The screens that exist. The hash keeps the place across a reload. */
export const ROUTES = [{ path: '/pipeline', label: 'Pipeline' }] as const;
export type RoutePath = (typeof ROUTES)[number]['path'];
const DEFAULT_ROUTE: RoutePath = '/pipeline';

function currentRoute(): RoutePath {
  const path = window.location.hash.replace(/^#/, '');
  return ROUTES.some((route) => route.path === path) ? (path as RoutePath) : DEFAULT_ROUTE;
}

export function useRoute(): RoutePath {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function hrefFor(path: RoutePath): string {
  return `#${path}`;
}
