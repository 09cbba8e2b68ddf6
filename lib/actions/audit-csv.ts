import type { AuditEntry } from './audit';
import { ACTIONS } from './catalog';

/** The outcome in words, as the Audit part and the CSV show it. */
export function outcomeText(entry: AuditEntry): string {
  switch (entry.outcome) {
    case 'started':
      return 'Started (no answer recorded)';
    case 'sent':
      return entry.progress ? `Sent to Intune · ${entry.progress}` : 'Sent to Intune';
    case 'failed':
      return 'Not done';
    case 'partial':
      return 'Half done: Intune done, Asset Panda not';
  }
}

export function optionsText(options: AuditEntry['options']): string {
  return Object.entries(options)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('; ');
}

const COLUMNS: ReadonlyArray<[string, (entry: AuditEntry) => string]> = [
  ['When', (e) => e.at],
  ['Who', (e) => e.actor.username],
  ['Action', (e) => ACTIONS[e.action].label],
  ['Device', (e) => e.device.name],
  ['Intune Device ID', (e) => e.device.id],
  ['Serial Number', (e) => e.device.serialNumber ?? ''],
  ['Collection', (e) => e.record.collectionName],
  ['Record', (e) => e.record.title],
  ['Record ID', (e) => e.record.recordId],
  ['Options', (e) => optionsText(e.options)],
  ['Result', outcomeText],
  ['Intune', (e) => e.intune.message],
  ['Asset Panda', (e) => e.assetPanda.message],
  ['Graph request-id', (e) => e.intune.requestId ?? ''],
  ['Graph client-request-id', (e) => e.intune.clientRequestId ?? ''],
];

/**
 * One CSV cell. Device and record names come from Intune and Asset Panda, where anyone may have
 * typed them: a leading =, +, - or @ would run as a formula in a spreadsheet, so such a cell starts
 * with an apostrophe.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The audit as CSV (RFC 4180, CRLF line ends), one row per action, newest first as given. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = [COLUMNS.map(([title]) => title), ...entries.map((entry) => COLUMNS.map(([, read]) => read(entry)))];
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
