import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  retainSearchParams,
} from '@tanstack/react-router';
import { serviceGraphQuery } from '../api/service-graph.ts';
import { traceQuery } from '../api/traces.ts';
import { groupsSearchSchema } from '../features/groups/search.ts';
import { mapSearchSchema } from '../features/service-map/search.ts';
import { timelineSearchSchema } from '../features/timeline/search.ts';
import { tracesSearchSchema } from '../features/traces/search.ts';
import { GLOBAL_SEARCH_KEYS, globalSearchSchema } from '../lib/global-search.ts';
import { rangeFromSearch } from '../lib/time-range.ts';
import { isTraceId } from '../xray/ids.ts';
import { NotFound } from './shell/not-found.tsx';
import { RootLayout } from './shell/root-layout.tsx';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  validateSearch: globalSearchSchema,
  // Time range, group, refresh and embed follow the person from view to view.
  search: { middlewares: [retainSearchParams(GLOBAL_SEARCH_KEYS)] },
  component: RootLayout,
  notFoundComponent: NotFound,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/map' });
  },
});

// Views load lazily so the shell paints before cytoscape and the waterfall are downloaded.
const mapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/map',
  validateSearch: mapSearchSchema,
  // The graph request starts with navigation instead of after cytoscape's chunk has loaded.
  loaderDeps: ({ search }) => ({
    last: search.last,
    from: search.from,
    to: search.to,
    group: search.group,
  }),
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(
      serviceGraphQuery({ range: rangeFromSearch(deps), group: deps.group }),
    );
  },
  component: lazyRouteComponent(() => import('../features/service-map/map-page.tsx'), 'MapPage'),
});

const tracesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/traces',
  validateSearch: tracesSearchSchema,
  component: lazyRouteComponent(() => import('../features/traces/traces-page.tsx'), 'TracesPage'),
});

const traceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trace/$traceId',
  validateSearch: timelineSearchSchema,
  // Start fetching the trace while the waterfall's code is still downloading; not awaited, so
  // the page (and its not-found or error state) renders as soon as its code is there.
  loader: ({ context, params }) => {
    if (isTraceId(params.traceId))
      void context.queryClient.prefetchQuery(traceQuery(params.traceId));
  },
  component: lazyRouteComponent(
    () => import('../features/timeline/timeline-page.tsx'),
    'TimelinePage',
  ),
});

const groupsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/groups',
  validateSearch: groupsSearchSchema,
  component: lazyRouteComponent(() => import('../features/groups/groups-page.tsx'), 'GroupsPage'),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  mapRoute,
  tracesRoute,
  traceRoute,
  groupsRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingMs: 150,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
