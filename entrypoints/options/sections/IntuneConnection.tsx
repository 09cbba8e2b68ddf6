export function IntuneConnection() {
  return (
    <section class="card" aria-labelledby="intune-heading">
      <h2 id="intune-heading">Microsoft Intune</h2>
      <p class="muted">Connect to Microsoft Intune through Microsoft Graph, signed in with your own account.</p>
    </section>
  );
}
