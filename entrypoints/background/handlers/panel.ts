import type { panelMessages } from '../../../lib/messaging/panel-messages';
import type { HandlersFor } from '../../../lib/messaging/router';
import { openConfirmationWindow, openOptionsTab, openSignInWindow } from '../actions';
import { panelSenders } from '../panel-senders';
import type { BackgroundServices } from '../services';

export function panelHandlers({ panel, actions }: BackgroundServices): HandlersFor<keyof typeof panelMessages> {
  const senders = panelSenders(panel);
  return {
    async locateRecord(_request, sender, audience) {
      const found = await senders.pageRecord(sender, audience);
      return { record: found?.product === 'pro' ? found : null };
    },
    async getPanelStatus({ record, source }, sender, audience) {
      await senders.check(sender, audience, record);
      return source === 'cache' ? panel.cachedStatus(record) : panel.liveStatus(record);
    },
    async chooseDevice({ record, deviceId }, sender, audience) {
      await senders.check(sender, audience, record);
      return panel.choose(record, deviceId);
    },
    async syncRecordFromIntune({ record, deviceId }, sender, audience) {
      await senders.check(sender, audience, record);
      return panel.syncRecord(record, deviceId);
    },
    async requestDeviceAction({ record, deviceId, action }, sender, audience) {
      await senders.check(sender, audience, record, 'window');
      const request = await actions.request(record, deviceId, action, sender.tab?.id);
      await openConfirmationWindow(sender.tab?.id, request.id);
      return {};
    },
    async requestFinishDelete({ record }, sender, audience) {
      await senders.check(sender, audience, record, 'window');
      const request = await actions.requestFinish(record, sender.tab?.id);
      await openConfirmationWindow(sender.tab?.id, request.id);
      return {};
    },
    async openSignIn({ record }, sender, audience) {
      await senders.check(sender, audience, record, 'window');
      await openSignInWindow(sender.tab?.id);
      return {};
    },
    async openOptionsFromPanel({ record, part }, sender, audience) {
      await senders.check(sender, audience, record, 'window');
      const mappingId = part === 'mapping' && record.product === 'pro' ? await panel.mappingIdOf(record) : undefined;
      await openOptionsTab(part === 'connections' ? '#connections' : mappingId ? `#mappings/${encodeURIComponent(mappingId)}` : '#mappings');
      return {};
    },
  };
}
