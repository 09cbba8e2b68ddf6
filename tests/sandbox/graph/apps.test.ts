import { describe, expect, it } from 'vitest';
import type { DetectedApp } from './catalogs.ts';
import { GRAPH, useGraphSandbox } from './harness.ts';
import { expectEach } from '../../support/expect-each.ts';

const graph = useGraphSandbox({ fleetSize: 600, seed: 9 });

interface Collection<T> {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: T[];
}

describe('detected apps', () => {
  it('lists the inventory and gets one app by id', async () => {
    const page = await graph.json<Collection<DetectedApp>>(`${GRAPH}/deviceManagement/detectedApps`);
    expect(page['@odata.context']).toBe(`${GRAPH}/$metadata#deviceManagement/detectedApps`);
    expect(page.value.length).toBeGreaterThan(10);
    expect(new Set(page.value.map((app) => app.platform))).toEqual(new Set(['windows', 'macOS', 'ios', 'androidWorkProfile', 'androidDedicatedAndFullyManaged']));
    const app = page.value[0] as DetectedApp;
    expect(await graph.json(`${GRAPH}/deviceManagement/detectedApps/${app.id}`)).toMatchObject({ id: app.id, displayName: app.displayName });
  });

  it("lists the devices an app was found on: its platform's, as many as deviceCount says", async () => {
    const apps = (await graph.json<Collection<DetectedApp>>(`${GRAPH}/deviceManagement/detectedApps`)).value;
    const app = apps.find((a) => a.platform === 'ios' && a.deviceCount > 0) as DetectedApp;
    const devices = await graph.json<Collection<{ operatingSystem: string }>>(
      `${GRAPH}/deviceManagement/detectedApps/${app.id}/managedDevices?$select=operatingSystem`,
    );
    expect(devices.value).toHaveLength(app.deviceCount);
    expectEach(devices.value, (d) => expect(['iOS', 'iPadOS']).toContain(d.operatingSystem));
  });

  it('filters by displayName', async () => {
    const page = await graph.json<Collection<DetectedApp>>(
      `${GRAPH}/deviceManagement/detectedApps?$filter=${encodeURIComponent("displayName eq 'Google Chrome'")}`,
    );
    expect(page.value.map((app) => app.platform).toSorted()).toEqual(['macOS', 'windows']);
  });
});

describe('mobile apps', () => {
  it('lists the catalog with each app\'s concrete @odata.type', async () => {
    const page = await graph.json<Collection<Record<string, unknown>>>(`${GRAPH}/deviceAppManagement/mobileApps`);
    expect(page.value.length).toBeGreaterThan(5);
    expectEach(page.value, (app) => expect(String(app['@odata.type'])).toMatch(/^#microsoft\.graph\./));
    const selected = await graph.json<Collection<Record<string, unknown>>>(`${GRAPH}/deviceAppManagement/mobileApps?$select=displayName`);
    expect(Object.keys(selected.value[0] ?? {}).toSorted()).toEqual(['@odata.type', 'displayName', 'id']);
  });
});
