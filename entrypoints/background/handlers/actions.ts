import { browser } from '#imports';
import { auditCsv } from '../../../lib/actions/audit-csv';
import { UserFacingError } from '../../../lib/errors';
import type { actionMessages } from '../../../lib/messaging/action-messages';
import type { HandlersFor, MessageSender } from '../../../lib/messaging/router';
import { CONFIRMATION_PAGE, refreshPanel } from '../actions';
import type { BackgroundServices } from '../services';

/**
 * Only the confirmation window may confirm and run an action: the router already refuses content
 * scripts (and, with issue 7, framed extension pages); this refuses the extension's other pages too.
 */
function fromConfirmationWindow(sender: MessageSender): void {
  const page = sender.url ? new URL(sender.url) : undefined;
  const expected = new URL(browser.runtime.getURL(CONFIRMATION_PAGE));
  if (page?.origin !== expected.origin || page.pathname !== expected.pathname) {
    throw new UserFacingError('not-confirmation-window', 'Device actions run only from the extension’s confirmation window. Start the action from the record page.');
  }
}

export function actionHandlers({ actions, audit }: BackgroundServices): HandlersFor<keyof typeof actionMessages> {
  return {
    async getActionConfirmation({ requestId }, sender) {
      fromConfirmationWindow(sender);
      return actions.describe(requestId);
    },
    async confirmDeviceAction({ requestId, typedName, options }, sender) {
      fromConfirmationWindow(sender);
      return actions.confirm(requestId, typedName, options);
    },
    async runDeviceAction({ requestId, token, options }, sender) {
      fromConfirmationWindow(sender);
      const { tabId, ...outcome } = await actions.run(requestId, token, options);
      refreshPanel(tabId);
      return outcome;
    },
    listAuditEntries: () => audit.list(),
    async exportAuditCsv() {
      const { entries } = await audit.list();
      return { fileName: `intune-actions-audit-${new Date().toISOString().slice(0, 10)}.csv`, csv: auditCsv(entries) };
    },
  };
}
