import { toCsv, type CsvColumn } from '../csv';
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

const COLUMNS: ReadonlyArray<CsvColumn<AuditEntry>> = [
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

/** The audit as CSV (RFC 4180, CRLF line ends), one row per action, newest first as given. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv(COLUMNS, entries);
}
