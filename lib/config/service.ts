import type { ConnectionStatus } from '../assetpanda/connection';
import type { IntuneSettings } from '../auth/settings';
import type { MappingService } from '../mapping/service';
import type { MappingStore } from '../mapping/store';
import { readConfiguration } from './read';
import { CONFIGURATION_KIND, CONFIGURATION_VERSION, type Configuration, type Connections } from './schema';

export interface ConfigurationServiceDeps {
  store: MappingStore;
  mappings: Pick<MappingService, 'check' | 'managedIds'>;
  /** The saved Microsoft Intune connection's settings, if any. */
  intuneSettings(): Promise<IntuneSettings | undefined>;
  assetPandaStatus(): Promise<ConnectionStatus>;
  now(): number;
}

export interface ExportedConfiguration {
  fileName: string;
  json: string;
  /** Stored mappings that no longer read, so could not be exported. */
  leftOut: number;
}

export interface ImportOutcome {
  imported: boolean;
  /** Every reason the file was refused; empty when it was imported. */
  problems: string[];
  /** The file's connection settings, for the connection forms to fill in (never saved by an import). */
  connections: Connections;
  /** The names of the mappings imported (or that would have been). */
  mappingNames: string[];
}

/**
 * Export and import of the whole configuration. Importing connections only fills in the
 * connection forms: the admin enters the Access Key Secret, signs in to Microsoft, and runs Test and
 * Save Connection as always, so nothing unproven is saved. Importing mappings stores them (by their
 * ids: importing the same file twice replaces, never duplicates) after checking each against the
 * connected Asset Panda; any problem refuses the whole file and changes nothing.
 */
export function createConfigurationService(deps: ConfigurationServiceDeps) {
  return {
    async export(): Promise<ExportedConfiguration> {
      const [stored, intune, assetPanda] = await Promise.all([deps.store.list(), deps.intuneSettings(), deps.assetPandaStatus()]);
      const exportedAt = new Date(deps.now()).toISOString();
      const configuration: Configuration = {
        kind: CONFIGURATION_KIND,
        version: CONFIGURATION_VERSION,
        exportedAt,
        connections: {
          ...(intune ? { intune } : {}),
          ...(assetPanda.state === 'connected'
            ? { assetPanda: { baseUrl: assetPanda.baseUrl, accessKeyId: assetPanda.accessKeyId, account: assetPanda.account, module: assetPanda.module } }
            : {}),
        },
        mappings: stored.flatMap((entry) => (entry.readable ? [entry.mapping] : [])),
      };
      return {
        fileName: `intune-companion-configuration-${exportedAt.slice(0, 10)}.json`,
        json: `${JSON.stringify(configuration, null, 2)}\n`,
        leftOut: stored.filter((entry) => !entry.readable).length,
      };
    },

    async import(text: string): Promise<ImportOutcome> {
      const read = readConfiguration(text);
      if (!read.ok) return { imported: false, problems: read.problems, connections: {}, mappingNames: [] };
      const { connections, mappings } = read.configuration;
      const problems: string[] = [];
      const managed = await deps.mappings.managedIds();
      for (const mapping of mappings) {
        if (managed.has(mapping.id)) {
          problems.push(`Mapping "${mapping.name}": a mapping with its id is set by your organization's policy and cannot be replaced.`);
          continue;
        }
        for (const problem of await deps.mappings.check(mapping)) {
          if (problem.severity === 'error') problems.push(`Mapping "${mapping.name}": ${problem.message}`);
        }
      }
      const mappingNames = mappings.map((mapping) => mapping.name);
      if (problems.length > 0) return { imported: false, problems, connections, mappingNames };
      const updatedAt = new Date(deps.now()).toISOString();
      await deps.store.saveAll(mappings.map((mapping) => ({ ...mapping, updatedAt })));
      return { imported: true, problems: [], connections, mappingNames };
    },
  };
}

export type ConfigurationService = ReturnType<typeof createConfigurationService>;
