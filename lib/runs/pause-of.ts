import { AssetPandaError } from '../assetpanda/errors';
import { SignInError } from '../auth/errors';
import { UserFacingError } from '../errors';
import { GraphError } from '../graph/errors';
import { readFailure } from '../sync/assetpanda-records';
import { asPortError } from '../sync/failures';
import { graphFailure } from '../sync/graph-devices';
import type { SyncPause } from '../sync/pause';
import { PortError } from '../sync/ports';

/**
 * Why a run cannot go on, from what failed before the engine could resume it (opening a connection,
 * listing the collection's fields, the mapping check), in the engine's pause codes and words.
 */
export function pauseOf(error: unknown): Omit<SyncPause, 'at'> {
  if (error instanceof UserFacingError && error.code.startsWith('mapping-') && !(error instanceof AssetPandaError)) {
    return { code: error.code === 'mapping-field-missing' ? 'field-missing' : 'mapping-invalid', message: error.message };
  }
  let failure: PortError;
  if (error instanceof PortError) failure = error;
  else if (error instanceof AssetPandaError) failure = asPortError(readFailure(error));
  else if (error instanceof SignInError || error instanceof GraphError) failure = asPortError(graphFailure(error, 'the Intune connection'));
  else if (error instanceof UserFacingError) failure = new PortError('systemic', error.message, 'unexpected');
  else failure = asPortError(error);
  return { code: failure.pause, message: failure.message };
}
