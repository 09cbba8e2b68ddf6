import type { panelMessages } from '../../../lib/messaging/panel-messages';
import type { HandlersFor } from '../../../lib/messaging/router';
import { openConfirmationWindow, openOptionsTab, openPanelWindow } from '../actions';
import { panelSenders } from '../panel-senders';
import type { BackgroundServices } from '../services';

/** The popup, opened as a window for the panel's Sign in: the admin signs in there, on the extension's origin. */
const SIGN_IN_PAGE = '/popup.html';

export function panelHandlers({ panel, actions }: BackgroundServices): HandlersFor<keyof typeof panelMessages> {
  const senders = panelSenders(panel);
  return {
    async locateRecord(_request, sender) {
      const found = await senders.pageRecord(sender);
      return { record: found?.product === 'pro' ? found : null };
    },
    async getPanelStatus({ record, source }, sender) {
      await senders.check(sender, record);
      return source === 'cache' ? panel.cachedStatus(record) : panel.liveStatus(record);
    },
    async chooseDevice({ record, deviceId }, sender) {
      await senders.check(sender, record);
      return panel.choose(record, deviceId);
    },
    async syncRecordFromIntune({ record, deviceId }, sender) {
      await senders.check(sender, record);
      return panel.syncRecord(record, deviceId);
    },
    async requestDeviceAction({ record, deviceId, action }, sender) {
      await senders.check(sender, record, 'window');
      const request = await actions.request(record, deviceId, action, sender.tab?.id);
      await openConfirmationWindow(sender.tab?.id, request.id);
      return {};
    },
    async requestFinishDelete({ record }, sender) {
      await senders.check(sender, record, 'window');
      const request = await actions.requestFinish(record, sender.tab?.id);
      await openConfirmationWindow(sender.tab?.id, request.id);
      return {};
    },
    async openSignIn({ record }, sender) {
      await senders.check(sender, record, 'window');
      await openPanelWindow(sender.tab?.id, SIGN_IN_PAGE, { width: 420, height: 480 });
      return {};
    },
    async openOptionsFromPanel({ record, part }, sender) {
      await senders.check(sender, record, 'window');
      const mappingId = part === 'mapping' && record.product === 'pro' ? await panel.mappingIdOf(record) : undefined;
      await openOptionsTab(part === 'connections' ? '#connections' : mappingId ? `#mappings/${encodeURIComponent(mappingId)}` : '#mappings');
      return {};
    },
  };
}
