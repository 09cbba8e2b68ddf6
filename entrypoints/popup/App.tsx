import { callBackground } from '../../lib/browser/messaging';

export function App() {
  return (
    <main class="popup" data-testid="popup">
      <h1>Intune Companion</h1>
      <p class="muted">Not connected to Microsoft Intune yet.</p>
      <button type="button" onClick={() => void callBackground('openOptionsPage', {}).then(() => window.close())}>
        Open options
      </button>
    </main>
  );
}
