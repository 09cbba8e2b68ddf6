import type { panelMessages } from '../../../lib/messaging/panel-messages';
import type { HandlersFor } from '../../../lib/messaging/router';
import { openConfirmationWindow } from '../actions';
import type { BackgroundServices } from '../services';

export function panelHandlers({ panel, actions, intune }: BackgroundServices): HandlersFor<keyof typeof panelMessages> {
  return {
    async locateRecord({ candidates }) {
      const found = await panel.locate(candidates);
      return { record: found && { product: 'pro' as const, ...found } };
    },
    async getPanelStatus({ record, source }) {
      if (record.product === 'classic') {
        // Classic has no Pro collection for a mapping to name; the panel still says what to connect first.
        return (await intune.describe({ verify: false })).connection ? { state: 'classic' } : { state: 'not-connected' };
      }
      return source === 'cache' ? panel.cachedStatus(record) : panel.liveStatus(record);
    },
    chooseDevice: ({ record, deviceId }) => panel.choose(record, deviceId),
    syncRecordFromIntune: ({ record, deviceId }) => panel.syncRecord(record, deviceId),
    async requestDeviceAction({ record, deviceId, action }, sender) {
      const request = await actions.request(record, deviceId, action, sender.tab?.id);
      await openConfirmationWindow(request.id);
      return {};
    },
    async requestFinishDelete({ record }, sender) {
      const request = await actions.requestFinish(record, sender.tab?.id);
      await openConfirmationWindow(request.id);
      return {};
    },
    async signInFromPanel() {
      await intune.signIn();
      return {};
    },
  };
}
