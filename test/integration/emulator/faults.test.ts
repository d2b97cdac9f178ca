import { strict as assert } from 'node:assert';
import type { RunningEmulator } from '../../emulator/index';
import { admin, armToken, call, startForSuite, tlsOptionsFor } from './harness';
import { clientsFor, failure, type Clients } from './clients';

type Logged = { seq: number; method: string; path: string; status: number; durationMs: number };
const logFor = async (emu: RunningEmulator, since: number, pathEnd: string): Promise<Logged[]> =>
    ((await admin(emu, 'GET', `requests?since=${since}`)).body.requests as Logged[]).filter((r) => r.path.toLowerCase().endsWith(pathEnd));

describe('emulator: fault injection, latency and the admin API', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let c: Clients;
    before(async () => {
        emu = await startForSuite('faults', { seed: 'subscriptions=2,registries=6,cmk=0.5' });
        c = clientsFor(emu);
        await c.resources.resourceGroups.createOrUpdate('rg-faults', { location: 'eastus' });
        await c.acr.registries.create('rg-faults', 'faulty01', { location: 'eastus', sku: { name: 'Basic' } });
    });
    afterEach(() => admin(emu, 'DELETE', 'faults'));
    after(() => emu.stop());

    it('429 with Retry-After: 1 is retried by the SDK retry policy, then succeeds', async () => {
        const since = (await admin(emu, 'GET', 'requests')).body.lastSeq;
        await admin(emu, 'POST', 'faults', {
            method: 'GET',
            pathPattern: '/registries/faulty01$',
            nth: 1,
            action: { status: 429, code: 'TooManyRequests', message: 'Slow down', retryAfter: 1 },
        });
        const started = Date.now();
        assert.equal((await c.acr.registries.get('rg-faults', 'faulty01')).name, 'faulty01');
        assert.ok(Date.now() - started >= 900, 'the client waited for Retry-After');
        assert.deepEqual(
            (await logFor(emu, since, '/registries/faulty01')).map((r) => r.status),
            [429, 200],
        );
    });

    it('a dropped connection is retried; a persistent 503 surfaces after the retries', async () => {
        let since = (await admin(emu, 'GET', 'requests')).body.lastSeq;
        await admin(emu, 'POST', 'faults', { method: 'GET', pathPattern: '/registries/faulty01$', times: 1, action: { drop: true } });
        assert.equal((await c.acr.registries.get('rg-faults', 'faulty01')).name, 'faulty01');
        assert.deepEqual(
            (await logFor(emu, since, '/registries/faulty01')).map((r) => r.status),
            [0, 200],
        );
        await admin(emu, 'DELETE', 'faults');
        since = (await admin(emu, 'GET', 'requests')).body.lastSeq;
        await admin(emu, 'POST', 'faults', {
            method: 'GET',
            pathPattern: '/registries/faulty01$',
            action: { status: 503, code: 'ServiceUnavailable', message: 'down', retryAfter: 0 },
        });
        const e = await failure(c.acr.registries.get('rg-faults', 'faulty01'));
        assert.equal(e.statusCode, 503);
        assert.equal((await logFor(emu, since, '/registries/faulty01')).length, 4, 'one try + maxRetries (3)');
    });

    it('nth, times, probability and delay select when a rule fires', async () => {
        const token = await armToken(emu);
        const url = `${emu.environment.armEndpoint}subscriptions/${emu.environment.subscriptions[0]!.id}/resourcegroups?api-version=2021-04-01`;
        await admin(emu, 'POST', 'faults', {
            rules: [
                { method: 'GET', pathPattern: '/resourcegroups$', nth: 2, action: { status: 500, code: 'InternalServerError', message: 'second' } },
                { method: 'GET', pathPattern: '/resourcegroups$', probability: 0, action: { status: 418, code: 'Never', message: 'never' } },
            ],
        });
        const statuses = [];
        for (let i = 0; i < 3; i++) statuses.push((await call(emu, 'GET', url, { token })).status);
        assert.deepEqual(statuses, [200, 500, 200]);
        const rules = (await admin(emu, 'GET', 'faults')).body.rules;
        assert.deepEqual(
            rules.map((r: { fired: number }) => r.fired),
            [1, 0],
        );
        await admin(emu, 'DELETE', 'faults');
        await admin(emu, 'POST', 'faults', {
            method: 'GET',
            pathPattern: '/resourcegroups$',
            times: 2,
            action: { status: 409, code: 'Conflict', message: 'x' },
        });
        const limited = [];
        for (let i = 0; i < 3; i++) limited.push((await call(emu, 'GET', url, { token })).status);
        assert.deepEqual(limited, [409, 409, 200]);
        await admin(emu, 'DELETE', 'faults');
        await admin(emu, 'POST', 'faults', { pathPattern: '/resourcegroups$', action: { delayMs: 300 } });
        const started = Date.now();
        assert.equal((await call(emu, 'GET', url, { token })).status, 200);
        assert.ok(Date.now() - started >= 300);
        assert.equal((await admin(emu, 'POST', 'faults', { pathPattern: '(', action: { drop: true } })).status, 400);
    });

    it('a held request whose client gives up is logged as abandoned (499) when its connection closes, not when the hold would end', async () => {
        const url = `/subscriptions/${emu.environment.subscriptions[0]!.id}/resourcegroups?api-version=2021-04-01`;
        const token = await armToken(emu);
        const since = (await admin(emu, 'GET', 'requests')).body.lastSeq;
        await admin(emu, 'POST', 'faults', { pathPattern: '/resourcegroups$', times: 1, action: { delayMs: 600_000 } });
        const controller = new AbortController();
        const pending = fetchAbortable(emu, url, token, controller.signal);
        // The request is held once the emulator has matched the rule (its count of fired rules says so).
        for (let fired = 0; fired === 0;) {
            const rules = (await admin(emu, 'GET', 'faults')).body.rules as { fired: number }[];
            fired = rules[0]?.fired ?? 0;
        }
        controller.abort();
        await pending;
        let logged: Logged[] = [];
        while (logged.length === 0) logged = (await logFor(emu, since, '/resourcegroups')).filter((r) => r.status === 499);
        assert.ok(logged[0]!.durationMs < 600_000);
    });

    it('GET state dumps the world without private key material; key-access answers for seeded registries', async () => {
        const state = (await admin(emu, 'GET', 'state')).body;
        assert.equal(Object.keys(state.registries).length, 7);
        assert.ok(Object.values(state.keyMaterial as Record<string, string>).every((v) => !v.includes('PRIVATE KEY')));
        for (const r of Object.values(state.registries as Record<string, { id: string; encryption: { status: string } }>)) {
            assert.equal((await admin(emu, 'GET', `key-access?registry=${encodeURIComponent(r.id)}`)).body.accessible, true, r.id);
        }
        assert.equal((await admin(emu, 'GET', 'key-access?registry=%2Fnope')).status, 404);
    });

    it('POST reset restores the initial (seeded) world and empties the log', async () => {
        await admin(emu, 'POST', 'reset');
        assert.equal((await failure(c.resources.resourceGroups.get('rg-faults'))).code, 'ResourceGroupNotFound');
        const state = (await admin(emu, 'GET', 'state')).body;
        assert.equal(Object.keys(state.registries).length, 6);
        const log = (await admin(emu, 'GET', 'requests')).body.requests as Logged[];
        assert.ok(log.every((r) => r.path.toLowerCase().includes('rg-faults')));
        await admin(emu, 'DELETE', 'requests');
        assert.deepEqual((await admin(emu, 'GET', 'requests')).body.requests, []);
    });

    it('--latency-ms adds latency to every non-admin request', async () => {
        const slow = await startForSuite('faults-latency', { latencyMs: 250 });
        try {
            const started = Date.now();
            const res = await call(slow, 'GET', `${slow.environment.armEndpoint}metadata/endpoints?api-version=2019-05-01`);
            assert.equal(res.status, 200);
            assert.ok(Date.now() - started >= 250);
            const adminStarted = Date.now();
            await admin(slow, 'GET', 'faults');
            assert.ok(Date.now() - adminStarted < 250);
        } finally {
            await slow.stop();
        }
    });
});

/** A GET the test can abandon, as a client that times out does: it closes its connection. */
async function fetchAbortable(emu: RunningEmulator, url: string, token: string, signal: AbortSignal): Promise<void> {
    const { request } = await import('node:https');
    await new Promise<void>((resolve) => {
        const req = request(new URL(url, emu.environment.armEndpoint), {
            method: 'GET',
            ca: tlsOptionsFor(emu).ca,
            headers: { authorization: `Bearer ${token}` },
            signal,
        });
        req.on('error', () => resolve());
        req.on('response', () => resolve());
        req.end();
    });
}
