import type { HandlersFor } from '../../../lib/messaging/router';
import type { intuneMessages } from '../../../lib/messaging/intune-messages';
import type { BackgroundServices } from '../services';

export function intuneHandlers(_services: BackgroundServices): HandlersFor<keyof typeof intuneMessages> {
  return {};
}
