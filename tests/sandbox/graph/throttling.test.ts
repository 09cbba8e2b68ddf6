import { describe, expect, it } from 'vitest';
import { intuneError, serviceUnavailable, throttled } from './errors.ts';
import { DEVICES, GRAPH, type GraphErrorBody, intuneInner, useGraphSandbox } from './harness.ts';
import { createThrottleState, throttle } from './throttle.ts';

const graph = useGraphSandbox({ fleetSize: 20 });

describe("Intune's documented limits", () => {
  it('throttles the 201st write of an app within 20 s with 429 and Retry-After, while reads still pass', async () => {
    const id = graph.sandbox.world.graph.devices[0]?.id ?? '';
    const statuses: number[] = [];
    for (let i = 0; i < 201; i++) statuses.push((await graph.call(`${DEVICES}/${id}/syncDevice`, { method: 'POST' })).status);
    expect(statuses.slice(0, 200)).toEqual(Array.from({ length: 200 }, () => 204));
    expect(statuses[200]).toBe(429);

    const res = await graph.call(`${DEVICES}/${id}/syncDevice`, { method: 'POST' });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(((await res.json()) as GraphErrorBody).error.code).toBe('TooManyRequests');
    expect((await graph.call(`${DEVICES}/${id}`)).status).toBe(200);
    // Another app of the same tenant has its own allowance.
    expect((await graph.call(`${DEVICES}/${id}/syncDevice`, { method: 'POST', appId: 'another-app' })).status).toBe(204);

    graph.sandbox.world.advanceClock(retryAfter * 1000);
    expect((await graph.call(`${DEVICES}/${id}/syncDevice`, { method: 'POST' })).status).toBe(204);
  });

  it('allows 2000 requests of any kind per app in 20 s, and counts the refused ones too', () => {
    const state = createThrottleState();
    const at = 1_000_000;
    for (let i = 0; i < 2000; i++) expect(throttle(state, 'devices', 'app', false, at)).toBeUndefined();
    expect(throttle(state, 'devices', 'app', false, at)).toBe(20);
    // An app that keeps calling while throttled keeps its window full.
    for (let i = 0; i < 2000; i++) expect(throttle(state, 'devices', 'app', false, at + 10_000)).toBeDefined();
    expect(throttle(state, 'devices', 'app', false, at + 20_001)).toBeDefined();
    expect(throttle(state, 'devices', 'app', false, at + 30_001)).toBeUndefined();
    expect(throttle(state, 'devices', 'other-app', false, at + 10_000)).toBeUndefined();
  });

  it('can be switched off for tests that measure something else', async () => {
    graph.sandbox.world.graph.throttling.enabled = false;
    const id = graph.sandbox.world.graph.devices[0]?.id ?? '';
    for (let i = 0; i < 210; i++) expect((await graph.call(`${DEVICES}/${id}/syncDevice`, { method: 'POST' })).status).toBe(204);
  });
});

describe('Graph-shaped faults for sandbox.fault()', () => {
  it('throttled(): 429, Retry-After and the documented body', async () => {
    graph.sandbox.fault({ host: 'graph.microsoft.com', path: '/v1.0/deviceManagement/managedDevices', response: throttled(7) });
    const res = await graph.call(DEVICES);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    const body = (await res.json()) as GraphErrorBody;
    expect(body.error).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.' });
    expect(body.error.innerError).toMatchObject({ code: '429', status: '429', message: 'Please retry after' });
    expect((await graph.call(DEVICES)).status).toBe(200);
  });

  it('serviceUnavailable(): 503 with an optional Retry-After', async () => {
    graph.sandbox.fault({ path: /managedDevices/, response: serviceUnavailable(30) });
    const res = await graph.call(DEVICES);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(((await res.json()) as GraphErrorBody).error.code).toBe('serviceNotAvailable');
  });

  it('intuneError(): the Intune message nested as JSON in error.message', async () => {
    graph.sandbox.fault({ method: 'GET', path: /^\/v1\.0\/me$/, response: intuneError(500, 'InternalError', 'Something broke') });
    const res = await graph.call(`${GRAPH}/me`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as GraphErrorBody;
    expect(body.error.code).toBe('InternalError');
    expect(intuneInner(body)).toMatchObject({ _version: 3, Message: 'Something broke' });
  });
});
