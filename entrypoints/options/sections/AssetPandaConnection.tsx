export function AssetPandaConnection() {
  return (
    <section class="card" aria-labelledby="assetpanda-heading">
      <h2 id="assetpanda-heading">Asset Panda</h2>
      <p class="muted">Connect to Asset Panda Pro with an API key from Settings → API Configuration.</p>
    </section>
  );
}
