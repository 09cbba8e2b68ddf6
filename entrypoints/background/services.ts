import type { AssetPandaConnection } from '../../lib/assetpanda/connection';
import type { IntuneService } from '../../lib/auth/service';
import type { Database } from '../../lib/db/open';
import type { MappingService } from '../../lib/mapping/service';

/** What the background's message handlers work with; built once in the background's main(). */
export interface BackgroundServices {
  database: Promise<Database>;
  intune: IntuneService;
  assetPanda: AssetPandaConnection;
  mappings: MappingService;
}
