import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../lib/browser/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { AuditPart } from './parts/AuditPart';
import { ConnectionsPart } from './parts/ConnectionsPart';
import { HistoryPart } from './parts/HistoryPart';
import { MappingsPart } from './parts/MappingsPart';
import { SyncPart } from './parts/SyncPart';
import { PolicyNotice } from './PolicyNotice';
import { PARTS, routeHash, useRoute, type Route } from './route';
import { PolicyContext, useLoadedPolicy } from './usePolicy';

export function App() {
  const [health, setHealth] = useState<ResponseOf<'getHealth'>>();
  const [problem, setProblem] = useState<string>();
  const route = useRoute();
  const policy = useLoadedPolicy();

  useEffect(() => {
    callBackground('getHealth', {}).then(setHealth, (error: Error) => setProblem(error.message));
  }, []);

  return (
    <main class="page" data-testid="options-page">
      <header class="page__header">
        <h1>Intune Companion for Asset Panda</h1>
        <p class="muted">Sync Microsoft Intune devices into Asset Panda Pro and act on them from the record page.</p>
        <nav class="tabs" aria-label="Options">
          {PARTS.map(({ id, label }) => (
            <a key={id} href={routeHash(id)} aria-current={route.part === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <PolicyNotice policy={policy} />
      <PolicyContext.Provider value={policy}>
        <Part route={route} />
      </PolicyContext.Provider>
      <footer class="page__footer muted" data-testid="health">
        {problem ?? (health ? `Version ${health.version} · ${health.databaseReady ? 'storage ready' : 'storage unavailable'}` : 'Starting…')}
      </footer>
    </main>
  );
}

function Part({ route }: { route: Route }) {
  switch (route.part) {
    case 'connections':
      return <ConnectionsPart />;
    case 'mappings':
      return <MappingsPart route={route} />;
    case 'sync':
      return <SyncPart route={route} />;
    case 'history':
      return <HistoryPart route={route} />;
    case 'audit':
      return <AuditPart />;
  }
}
