import { z } from 'zod';

/** How a date is written into a text field: the account's own format. Date fields take ISO dates. */
export const DateFormatSchema = z.enum(['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'ISO 8601 date and time']);
export type DateFormat = z.infer<typeof DateFormatSchema>;

/**
 * How an Intune value becomes an Asset Panda value, where their types differ:
 * - asIs: the value itself (text into text, a number into a number, true/false into a boolean);
 * - date: an Intune date and time as a date, in the account's format for a text field;
 * - bytesToGB: bytes as gigabytes (a number, or "237.5 GB" in a text field);
 * - yesNo: true/false as "Yes"/"No";
 * - labels: each Intune value as a label of the field (e.g. compliance → status values); a value
 *   with no label is written as empty;
 * - lookup: the value names a record of the collection the field links to (primary user → People).
 */
export const TransformSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('asIs') }),
  z.object({ kind: z.literal('date'), format: DateFormatSchema.default('YYYY-MM-DD') }),
  z.object({ kind: z.literal('bytesToGB') }),
  z.object({ kind: z.literal('yesNo') }),
  z.object({ kind: z.literal('labels'), labels: z.record(z.string().max(100), z.string().max(200)) }),
  z.object({ kind: z.literal('lookup') }),
]);
export type Transform = z.infer<typeof TransformSchema>;
export type TransformKind = Transform['kind'];
