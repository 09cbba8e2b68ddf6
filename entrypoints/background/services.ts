import type { AuditLog } from '../../lib/actions/audit';
import type { ActionService } from '../../lib/actions/service';
import type { AssetPandaConnection } from '../../lib/assetpanda/connection';
import type { IntuneService } from '../../lib/auth/service';
import type { PolicyService } from '../../lib/config/policy-service';
import type { ConfigurationService } from '../../lib/config/service';
import type { Database } from '../../lib/db/open';
import type { DeviceCounter } from '../../lib/mapping/device-counter';
import type { MappingService } from '../../lib/mapping/service';
import type { PanelService } from '../../lib/panel/service';
import type { SyncRuntime } from './sync';

/** What the background's message handlers work with; built once in the background's main(). */
export interface BackgroundServices {
  database: Promise<Database>;
  intune: IntuneService;
  assetPanda: AssetPandaConnection;
  mappings: MappingService;
  deviceCounter: DeviceCounter;
  configuration: ConfigurationService;
  policy: PolicyService;
  panel: PanelService;
  actions: ActionService;
  audit: AuditLog;
  sync: SyncRuntime;
}
