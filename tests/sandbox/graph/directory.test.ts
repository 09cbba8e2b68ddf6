import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN } from '../directory.ts';
import { GRAPH, type GraphErrorBody, useGraphSandbox } from './harness.ts';
import { expectEach } from '../../support/expect-each.ts';

const graph = useGraphSandbox({ fleetSize: 400, seed: 3 });

interface UserPage {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Array<Record<string, unknown>>;
}

describe('/me', () => {
  it('returns the signed-in user with the default properties', async () => {
    const me = await graph.json(`${GRAPH}/me`);
    expect(me).toMatchObject({
      '@odata.context': `${GRAPH}/$metadata#users/$entity`,
      id: SANDBOX_ADMIN.id,
      userPrincipalName: SANDBOX_ADMIN.userPrincipalName,
      displayName: 'Megan Bowen',
      businessPhones: [],
    });
    expect(Object.keys(me).toSorted()).toEqual(
      ['@odata.context', 'businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'],
    );
  });
});

describe('/users', () => {
  it('pages at 100 by default, through every directory user', async () => {
    const total = graph.sandbox.world.directory.users.length;
    const seen: unknown[] = [];
    let url: string | undefined = `${GRAPH}/users`;
    while (url) {
      const page: UserPage = await graph.json<UserPage>(url);
      expect(page.value.length).toBeLessThanOrEqual(100);
      seen.push(...page.value.map((u) => u.id));
      url = page['@odata.nextLink'];
    }
    expect(new Set(seen).size).toBe(total);
  });

  it('accepts $top up to 999 and refuses more', async () => {
    expect((await graph.json<UserPage>(`${GRAPH}/users?$top=999`)).value).toHaveLength(Math.min(999, graph.sandbox.world.directory.users.length));
    const res = await graph.call(`${GRAPH}/users?$top=1000`);
    expect(res.status).toBe(400);
  });

  it('finds a user by userPrincipalName or mail, ignoring case', async () => {
    const user = graph.sandbox.world.directory.users.find((u) => u.mail && u.intuneRole === false) ?? SANDBOX_ADMIN;
    for (const filter of [`userPrincipalName eq '${user.userPrincipalName.toUpperCase()}'`, `mail eq '${user.mail}'`]) {
      const page = await graph.json<UserPage>(`${GRAPH}/users?$filter=${encodeURIComponent(filter)}&$select=id,userPrincipalName`);
      expect(page.value).toEqual([{ id: user.id, userPrincipalName: user.userPrincipalName }]);
    }
  });

  it('refuses a filter the directory does not support', async () => {
    const res = await graph.call(`${GRAPH}/users?$filter=${encodeURIComponent("officeLocation eq '18/2111'")}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as GraphErrorBody).error.code).toBe('Request_UnsupportedQuery');
  });

  it('counts only with ConsistencyLevel: eventual', async () => {
    expect((await graph.call(`${GRAPH}/users?$count=true`)).status).toBe(400);
    const page = await graph.json<UserPage>(`${GRAPH}/users?$count=true&$top=1`, { headers: { ConsistencyLevel: 'eventual' } });
    expect(page['@odata.count']).toBe(graph.sandbox.world.directory.users.length);
  });

  it('gets a user by id or userPrincipalName, and answers 404 for anyone else', async () => {
    const user = graph.sandbox.world.directory.users[10];
    expect((await graph.json(`${GRAPH}/users/${user?.id}`)).userPrincipalName).toBe(user?.userPrincipalName);
    expect((await graph.json(`${GRAPH}/users/${user?.userPrincipalName}?$select=jobTitle`)).jobTitle).toBe(user?.jobTitle);
    const res = await graph.call(`${GRAPH}/users/nobody@contoso.onmicrosoft.com`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as GraphErrorBody).error.code).toBe('Request_ResourceNotFound');
  });

  it('refuses an unknown $select property', async () => {
    const res = await graph.call(`${GRAPH}/users?$select=displayName,shoeSize`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as GraphErrorBody).error.message).toContain("'shoeSize'");
  });
});

describe('/groups', () => {
  it('lists the generated groups and gets one by id', async () => {
    const groups = graph.sandbox.world.directory.groups;
    const page = await graph.json<UserPage>(`${GRAPH}/groups`);
    expect(page.value.map((g) => g.displayName)).toEqual(groups.map((g) => g.displayName));
    const one = await graph.json(`${GRAPH}/groups/${groups[0]?.id}?$select=displayName,securityEnabled`);
    expect(one).toMatchObject({ displayName: groups[0]?.displayName, securityEnabled: groups[0]?.securityEnabled });
    const filtered = await graph.json<UserPage>(`${GRAPH}/groups?$filter=${encodeURIComponent("startswith(displayName,'Intune')")}`);
    expectEach(filtered.value, (g) => expect(String(g.displayName)).toMatch(/^Intune/));
  });
});
