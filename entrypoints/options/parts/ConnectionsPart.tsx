import { AssetPandaConnection } from '../sections/AssetPandaConnection';
import { IntuneConnection } from '../sections/IntuneConnection';

/** Connections: Microsoft Intune (Graph sign-in) and Asset Panda (API key). */
export function ConnectionsPart() {
  return (
    <>
      <IntuneConnection />
      <AssetPandaConnection />
    </>
  );
}
