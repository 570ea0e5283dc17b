import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { usePreferences } from '../../ui/preferences.ts';
import { useGlobalSearch } from '../../ui/use-global-search.ts';
import { ConnectionBanner } from './connection-banner.tsx';
import { EmbedBar } from './embed-bar.tsx';
import { Header } from './header.tsx';
import { ParamsBanner } from './params-banner.tsx';

export function RootLayout() {
  const { embed } = useGlobalSearch();
  const theme = usePreferences((p) => p.theme);
  const path = useLocation({ select: (l) => l.pathname });
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      {embed ? <EmbedBar /> : <Header />}
      <ConnectionBanner />
      <ParamsBanner />
      <main className="app-main">
        <ErrorBoundary key={path}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}

export function NavLinks() {
  return (
    <nav aria-label="Views" className="nav">
      <Link to="/map" activeProps={{ 'aria-current': 'page' }}>
        Service map
      </Link>
      <Link to="/traces" activeProps={{ 'aria-current': 'page' }}>
        Traces
      </Link>
      <Link to="/groups" activeProps={{ 'aria-current': 'page' }}>
        Groups
      </Link>
    </nav>
  );
}
