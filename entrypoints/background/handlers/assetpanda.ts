import type { HandlersFor } from '../../../lib/messaging/router';
import type { assetPandaMessages } from '../../../lib/messaging/assetpanda-messages';
import type { BackgroundServices } from '../services';

export function assetPandaHandlers(_services: BackgroundServices): HandlersFor<keyof typeof assetPandaMessages> {
  return {};
}
