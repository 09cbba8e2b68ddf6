import { beforeEach, describe, expect, it } from 'vitest';
import { generateFleet } from '../fleet/generate.ts';
import { ACTION_STATES, DETECTED_APP_PLATFORMS } from '../../../lib/graph/enums.ts';
import { GROUP_PROPERTY_NAMES, USER_PROPERTY_NAMES } from './directory-resources.ts';
import { DEVICES, GRAPH, useGraphSandbox } from './harness.ts';
import { DEVICE_PROPERTIES, DEVICE_PROPERTY_NAMES, type PropertyKind } from './managed-device-rules.ts';
import { allNavigation, allProperties, type Csdl, loadCsdl } from './schema/csdl.ts';
import { loadDeviceManagementOpenApi, type OpenApiDocument, propertiesOf, schemaOf } from './schema/openapi.ts';
import { readExtract } from './schema/paths.ts';
import { checkAgainstCsdl, checkAgainstOpenApi } from './schema/validate.ts';
import { expectEach } from '../../support/expect-each.ts';

const graph = useGraphSandbox({ fleetSize: 1200, seed: 17 });

type Payload = Record<string, unknown>;

// Loaded once, before each test rather than while collecting them: missing data fails every test,
// none vanishes or is skipped.
let csdl: Csdl;
let openApi: OpenApiDocument;
let samples: Payload[];
beforeEach(() => {
  csdl ??= loadCsdl();
  openApi ??= loadDeviceManagementOpenApi();
  samples ??= JSON.parse(readExtract('docsSamples')) as Payload[];
});

/** Properties the current CSDL has and the July 2023 OpenAPI snapshot predates (reference §1.1). */
const NEWER_THAN_OPENAPI = ['enrollmentProfileName', 'managementState'];

/**
 * Validates each payload against the CSDL type and, where the 2023 OpenAPI snapshot has the type,
 * against it too; a property the snapshot lacks must be one the CSDL added since.
 */
function expectValid(payloads: readonly unknown[], typeName: string): void {
  expect(payloads.length, 'no payloads to check').toBeGreaterThan(0);
  const problems = payloads.flatMap((payload) => checkAgainstCsdl(csdl, payload, typeName));
  expect(problems.slice(0, 20)).toEqual([]);
  if (!(`microsoft.graph.${typeName}` in openApi.components.schemas)) return;
  const schema = schemaOf(openApi, `microsoft.graph.${typeName}`);
  const current = new Set(structuralNames(typeName));
  for (const payload of payloads) {
    const check = checkAgainstOpenApi(openApi, payload, schema);
    expect(check.problems.slice(0, 20)).toEqual([]);
    expect(check.unknownProperties.filter((path) => !current.has(path.replace(/^\$\./, '')))).toEqual([]);
  }
}

function structuralNames(typeName: string): string[] {
  return allProperties(csdl, typeName).map((p) => p.name);
}

function kindInCsdl(type: string): PropertyKind {
  if (type.startsWith('Collection(')) return 'collection';
  const primitive: Record<string, PropertyKind> = { 'Edm.String': 'string', 'Edm.Boolean': 'boolean', 'Edm.Int64': 'int64', 'Edm.DateTimeOffset': 'dateTime' };
  return primitive[type] ?? (csdl.enums.has(type.replace(/^graph\./, '')) ? 'enum' : 'complex');
}

describe("the sandbox's managedDevice rules match Microsoft's CSDL", () => {
  it('names every structural property, with its type and the exact enum members', () => {
    const properties = allProperties(csdl, 'managedDevice');
    expect([...DEVICE_PROPERTY_NAMES].toSorted()).toEqual(properties.map((p) => p.name).toSorted());
    for (const property of properties) {
      const rule = DEVICE_PROPERTIES[property.name as keyof typeof DEVICE_PROPERTIES];
      expect(rule.kind, property.name).toBe(kindInCsdl(property.type));
      if (rule.kind === 'enum') expect(rule.members, property.name).toEqual(csdl.enums.get(property.type.replace(/^graph\./, ''))?.members);
    }
    expect(ACTION_STATES).toEqual(csdl.enums.get('actionState')?.members);
    expect(DETECTED_APP_PLATFORMS).toEqual(csdl.enums.get('detectedAppPlatformType')?.members);
  });

  it("filters with exactly the operators each property's description documents", () => {
    for (const name of DEVICE_PROPERTY_NAMES) {
      const description = csdl.descriptions.get(`managedDevice/${name}`) ?? '';
      const clause = /Supports \$filter operator ((?:'\w+'(?:,| and| or)?\s*)+)/.exec(description)?.[1] ?? '';
      const documented = [...clause.matchAll(/'(\w+)'/g)].map((m) => m[1]);
      expect([...(DEVICE_PROPERTIES[name].filter ?? [])].toSorted(), name).toEqual(documented.toSorted());
    }
  });

  it('treats as non-default exactly the properties the descriptions say need a GET by id with $select', () => {
    for (const name of DEVICE_PROPERTY_NAMES) {
      const description = csdl.descriptions.get(`managedDevice/${name}`) ?? '';
      const nonDefault = /GET call needs to be made|Individual get call with select|Non-Default property/i.test(description);
      const { listDefault } = DEVICE_PROPERTIES[name];
      expect(listDefault !== undefined, name).toBe(nonDefault);
      if (!nonDefault) continue;
      const documented = /Default is an empty string/i.test(description) ? '' : /Default is 0/i.test(description) ? 0 : null;
      expect(listDefault, name).toBe(documented);
    }
  });

  it('lists the user and group properties of the CSDL', () => {
    expect([...USER_PROPERTY_NAMES].toSorted()).toEqual(structuralNames('user').toSorted());
    expect([...GROUP_PROPERTY_NAMES].toSorted()).toEqual(structuralNames('group').toSorted());
  });
});

describe('the checks themselves', () => {
  it('catch a wrong JSON type, a null in a non-nullable property, an unknown enum member and an unknown property', () => {
    const { devices } = generateFleet({ size: 10, seed: 1, tenantDomain: 'contoso.onmicrosoft.com' });
    const broken = { ...devices[0], jailBroken: false, lastSyncDateTime: null, complianceState: 'sparkly', colour: 'red' };
    expect(checkAgainstCsdl(csdl, broken, 'managedDevice')).toEqual([
      'managedDevice.lastSyncDateTime: null, but Edm.DateTimeOffset is not nullable',
      "managedDevice.complianceState: 'sparkly' is not a member of complianceState",
      'managedDevice.jailBroken: false is not a valid Edm.String',
      'managedDevice.colour: not a property of managedDevice',
    ]);
    const check = checkAgainstOpenApi(openApi, broken, schemaOf(openApi, 'microsoft.graph.managedDevice'));
    expect(check.problems).toEqual([
      '$.lastSyncDateTime: null, but the schema is not nullable',
      "$.complianceState: 'sparkly' is not in the enum",
      '$.jailBroken: expected a string, got false',
    ]);
    expect(check.unknownProperties).toContain('$.colour');
  });
});

describe('generated devices are valid managedDevice objects', () => {
  it('with every property, each of the right type, for several seeds', () => {
    const names = structuralNames('managedDevice').toSorted();
    for (const seed of [1, 2]) {
      const { devices } = generateFleet({ size: 1500, seed, tenantDomain: 'contoso.onmicrosoft.com' });
      expect(devices.filter((d) => JSON.stringify(Object.keys(d).toSorted()) !== JSON.stringify(names))).toEqual([]);
      expectValid(devices, 'managedDevice');
    }
  });

  it('the OpenAPI snapshot lacks only the properties the CSDL added since', () => {
    const navigation = new Set(allNavigation(csdl, 'managedDevice'));
    const inOpenApi = Object.keys(propertiesOf(openApi, schemaOf(openApi, 'microsoft.graph.managedDevice'))).filter((name) => !navigation.has(name));
    expect(structuralNames('managedDevice').filter((name) => !inOpenApi.includes(name))).toEqual(NEWER_THAN_OPENAPI);
    expect(inOpenApi.filter((name) => !structuralNames('managedDevice').includes(name))).toEqual([]);
  });
});

describe('Graph payloads of the sandbox are valid', () => {
  it('list pages and their devices', async () => {
    const page = await graph.json<{ '@odata.context': string; '@odata.nextLink': string; value: Payload[] }>(DEVICES);
    expect(page.value).toHaveLength(1000);
    expectValid(page.value, 'managedDevice');
    const selected = await graph.json<{ value: Payload[] }>(`${DEVICES}?$select=serialNumber,complianceState,lastSyncDateTime,deviceActionResults`);
    expectValid(selected.value, 'managedDevice');
  });

  it('a device by id, with and without the non-default properties selected', async () => {
    const nonDefault = DEVICE_PROPERTY_NAMES.filter((name) => DEVICE_PROPERTIES[name].listDefault !== undefined);
    for (const device of graph.sandbox.world.graph.devices.slice(0, 40)) {
      const plain = await graph.json(`${DEVICES}/${device.id}`);
      const selected = await graph.json(`${DEVICES}/${device.id}?$select=${nonDefault.join(',')}`);
      expectValid([plain, selected], 'managedDevice');
    }
  });

  it('detected apps, with every property', async () => {
    const page = await graph.json<{ value: Payload[] }>(`${GRAPH}/deviceManagement/detectedApps`);
    const names = structuralNames('detectedApp').toSorted();
    expectEach(page.value, (app) => expect(Object.keys(app).toSorted()).toEqual(names));
    expectValid(page.value, 'detectedApp');
  });

  it('mobile apps, each with every property of its concrete type', async () => {
    const page = await graph.json<{ value: Payload[] }>(`${GRAPH}/deviceAppManagement/mobileApps`);
    expectEach(page.value, (app) => {
      const type = String(app['@odata.type']).replace('#microsoft.graph.', '');
      expect(Object.keys(app).filter((k) => k !== '@odata.type').toSorted()).toEqual(structuralNames(type).toSorted());
    });
    expectValid(page.value, 'mobileApp');
  });

  it('users with the default properties and with every property selected, and groups', async () => {
    const users = await graph.json<{ value: Payload[] }>(`${GRAPH}/users?$top=50`);
    const everything = await graph.json<{ value: Payload[] }>(`${GRAPH}/users?$top=50&$select=${[...USER_PROPERTY_NAMES].join(',')}`);
    const me = await graph.json(`${GRAPH}/me`);
    expectValid([...users.value, ...everything.value, me], 'user');
    const groups = await graph.json<{ value: Payload[] }>(`${GRAPH}/groups`);
    const allGroupProperties = await graph.json<{ value: Payload[] }>(`${GRAPH}/groups?$select=${[...GROUP_PROPERTY_NAMES].join(',')}`);
    expectValid([...groups.value, ...allGroupProperties.value], 'group');
  });
});

describe("Microsoft's docs samples pass the same checks", () => {
  it('the list and get examples are valid managedDevice objects', () => {
    expect(samples).toHaveLength(3);
    expectValid(samples.slice(1), 'managedDevice');
  });

  it('the JSON representation (type names in place of values) has the CSDL property names and JSON types', () => {
    expect(checkAgainstCsdl(csdl, samples[0], 'managedDevice', { placeholders: true })).toEqual([]);
  });
});
