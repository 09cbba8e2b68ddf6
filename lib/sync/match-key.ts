/**
 * Values that fill a serial-number field on machines whose maker left it blank: they are shared by
 * thousands of devices, so they never identify one (the peers' "placeholder serial" lists).
 */
const PLACEHOLDERS = new Set([
  'default string',
  'to be filled by o.e.m.',
  'to be filled by oem',
  'system serial number',
  'chassis serial number',
  'not specified',
  'not applicable',
  'none',
  'n/a',
  'na',
  'null',
  'unknown',
  'invalid',
  'default',
  '0123456789',
  '123456789',
  '1234567890',
]);

/**
 * A match-key value as compared between Intune and Asset Panda (case and surrounding blanks
 * ignored), or undefined when it cannot identify a device: empty, a known placeholder, or nothing
 * but zeros ("0", "00000000-0000-0000-0000-000000000000").
 */
export function matchKeyValue(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  const key = String(value).trim().toLowerCase();
  if (key === '' || PLACEHOLDERS.has(key) || /^[0\s:.-]+$/.test(key)) return undefined;
  return key;
}
