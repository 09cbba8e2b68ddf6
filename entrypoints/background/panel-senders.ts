import type { RecordRef } from '../../lib/assetpanda/record-ref';
import { UserFacingError } from '../../lib/errors';
import type { Audience } from '../../lib/messaging/protocol';
import type { MessageSender } from '../../lib/messaging/router';
import { pageBudget } from '../../lib/panel/page-budget';
import { recordOfPage, requireRecordOfPage } from '../../lib/panel/page-record';
import type { PanelService } from '../../lib/panel/service';

/**
 * What a panel's question costs a tab: every question counts against `questions` (a live status reads
 * Intune and Asset Panda), and one that opens a window or tab against `windows` as well.
 */
export type Cost = 'question' | 'window';

const tooOften = () => new UserFacingError('too-many-requests', 'This page asked the extension too often. Wait a few seconds, then try again.');

/**
 * The page's URL as the browser reports it, for the top frame the router admits content scripts from.
 * Chromium's `sender.url` of a content script stays the URL its document loaded with, while the
 * single-page app moves with history.pushState; the tab's URL follows each navigation, and the page
 * cannot set it for the extension either.
 */
const pageUrl = (sender: MessageSender) => sender.tab?.url;

/**
 * The background's checks of the record panel's messages. Extension pages are the extension's own and
 * pass; a content script (on a hostile Asset Panda page) is held to its tab's budget and to the record
 * its page's URL shows, as the browser reports the URL.
 */
export function panelSenders(panel: Pick<PanelService, 'locate'>) {
  // A page reading its record and following an action asks a few times a minute; these leave room for
  // fast navigation between records and stop a page that loops.
  const questions = pageBudget({ limit: 40, windowMs: 10_000, now: Date.now });
  const windows = pageBudget({ limit: 4, windowMs: 60_000, now: Date.now });

  function spend(sender: MessageSender, cost: Cost): void {
    const tab = String(sender.tab?.id ?? 'none');
    if (!questions.take(tab) || (cost === 'window' && !windows.take(tab))) throw tooOften();
  }

  return {
    /** The record the sender's page shows (for `locateRecord`); null when it shows none a mapping covers. */
    async pageRecord(sender: MessageSender, audience: Audience): Promise<RecordRef | null> {
      if (audience === 'page') return null;
      spend(sender, 'question');
      return recordOfPage(pageUrl(sender), panel.locate);
    },

    /**
     * Checks a question about `record`: refused unless the sender's page shows that record, and within
     * the tab's budget. `audience`: who the router found the sender to be.
     */
    async check(sender: MessageSender, audience: Audience, record: RecordRef, cost: Cost = 'question'): Promise<void> {
      if (audience === 'page') return;
      spend(sender, cost);
      await requireRecordOfPage(pageUrl(sender), record, panel.locate);
    },
  };
}
