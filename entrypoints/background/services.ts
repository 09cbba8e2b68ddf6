import type { AuditLog } from '../../lib/actions/audit';
import type { ActionService } from '../../lib/actions/service';
import type { AssetPandaConnection } from '../../lib/assetpanda/connection';
import type { IntuneService } from '../../lib/auth/service';
import type { Database } from '../../lib/db/open';
import type { MappingService } from '../../lib/mapping/service';
import type { PanelService } from '../../lib/panel/service';

/** What the background's message handlers work with; built once in the background's main(). */
export interface BackgroundServices {
  database: Promise<Database>;
  intune: IntuneService;
  assetPanda: AssetPandaConnection;
  mappings: MappingService;
  panel: PanelService;
  actions: ActionService;
  audit: AuditLog;
}
