import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../lib/browser/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';

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
      <section class="card" aria-labelledby="intune-heading">
        <h2 id="intune-heading">Microsoft Intune</h2>
        <p class="muted">Connect to Microsoft Intune through Microsoft Graph, signed in with your own account.</p>
      </section>
      <section class="card" aria-labelledby="assetpanda-heading">
        <h2 id="assetpanda-heading">Asset Panda</h2>
        <p class="muted">Connect to Asset Panda Pro with an API key from Settings → API Configuration.</p>
      </section>
      <footer class="page__footer muted" data-testid="health">
        {problem ?? (health ? `Version ${health.version} · ${health.databaseReady ? 'storage ready' : 'storage unavailable'}` : 'Starting…')}
      </footer>
    </main>
  );
}
