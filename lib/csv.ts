/** A CSV column: its title, and how a row reads it. */
export type CsvColumn<Row> = readonly [title: string, read: (row: Row) => string];

/**
 * One CSV cell. Names in reports come from Intune and Asset Panda, where anyone may have typed them:
 * a leading =, +, - or @ (or a tab or carriage return) would run as a formula in a spreadsheet, so
 * such a cell starts with an apostrophe.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as CSV (RFC 4180, CRLF line ends) under a header of the columns' titles, every cell defused. */
export function toCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: Iterable<Row>): string {
  const lines = [columns.map(([title]) => cell(title)).join(',')];
  for (const row of rows) lines.push(columns.map(([, read]) => cell(read(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
