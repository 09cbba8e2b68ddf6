import { AssetPandaError, PartialWriteError } from './errors';

/**
 * Writes `items` in consecutive batches of at most `size`, one request at a time. When a batch
 * fails after others went through, the error holds what the earlier batches gave, so nothing is
 * retried blindly and the caller can carry on from there.
 */
export async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  verb: string,
  write: (batch: T[], offset: number) => Promise<R[]>,
): Promise<R[]> {
  const done: R[] = [];
  for (let offset = 0; offset < items.length; offset += size) {
    try {
      done.push(...(await write(items.slice(offset, offset + size), offset)));
    } catch (error) {
      if (done.length === 0 || !(error instanceof AssetPandaError)) throw error;
      throw new PartialWriteError(done, items.length, error, verb);
    }
  }
  return done;
}
