import type { Database } from '../../lib/db/open';

/** What the background's message handlers work with; built once in the background's main(). */
export interface BackgroundServices {
  database: Promise<Database>;
}
