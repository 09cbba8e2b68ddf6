import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../lib/browser/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { AssetPandaConnection } from './sections/AssetPandaConnection';
import { IntuneConnection } from './sections/IntuneConnection';

export function App() {
  const [health, setHealth] = useState<ResponseOf<'getHealth'>>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    callBackground('getHealth', {}).then(setHealth, (error: Error) => setProblem(error.message));
  }, []);

  return (
    <main class="page" data-testid="options-page">
      <header class="page__header">
        <h1>Intune Companion for Asset Panda</h1>
        <p class="muted">Sync Microsoft Intune devices into Asset Panda Pro and act on them from the record page.</p>
      </header>
      <IntuneConnection />
      <AssetPandaConnection />
      <footer class="page__footer muted" data-testid="health">
        {problem ?? (health ? `Version ${health.version} · ${health.databaseReady ? 'storage ready' : 'storage unavailable'}` : 'Starting…')}
      </footer>
    </main>
  );
}
