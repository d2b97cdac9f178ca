import * as assert from 'node:assert/strict';
import { defaultListConcurrency } from '../../../src/domain/clients/ClientOptions';
import { listRegistriesInSubscriptions } from '../../../src/domain/registries/listRegistries';
import { startEmulatorWorld, type EmulatorWorld, type LoggedRequest } from './emulatorWorld';

const isRegistryList = (request: LoggedRequest) =>
    request.method === 'GET' && /^\/subscriptions\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries\/?$/i.test(request.path);

/** Largest number of requests whose [start, start + duration] intervals overlap. */
function peakOverlap(requests: LoggedRequest[]): number {
    const events = requests
        .flatMap((request) => {
            const start = Date.parse(request.time);
            return [
                { at: start, delta: 1 },
                { at: start + request.durationMs, delta: -1 },
            ];
        })
        .sort((a, b) => a.at - b.at || a.delta - b.delta); // ends before starts at the same millisecond
    let running = 0;
    let peak = 0;
    for (const event of events) {
        running += event.delta;
        peak = Math.max(peak, running);
    }
    return peak;
}

describe('domain over the emulator: paging', function () {
    this.timeout(180000);
    let world: EmulatorWorld;
    before(async () => {
        world = await startEmulatorWorld({ seed: 'subscriptions=2,registries=250,cmk=0.3' });
    });
    after(() => world?.stop());

    it('follows nextLink until every registry is listed (125 per subscription, pages of 100)', async () => {
        const targets = await world.source.listAllSubscriptions();
        const { lastSeq } = await world.requests();
        const results = await listRegistriesInSubscriptions(targets);
        const registries = results.flatMap((result) => result.registries ?? []);
        assert.equal(registries.length, 250);
        assert.equal(new Set(registries.map((registry) => registry.id.toLowerCase())).size, 250, 'no registry listed twice');
        const lists = (await world.requests(lastSeq)).requests.filter(isRegistryList);
        assert.equal(lists.length, 4, 'two pages per subscription');
        assert.equal(lists.filter((request) => request.query.$skiptoken !== undefined).length, 2, 'second pages follow nextLink');
    });
});

describe('domain over the emulator: concurrency across subscriptions', function () {
    this.timeout(180000);
    let world: EmulatorWorld;
    // 100 ms per request makes overlapping requests visible in the emulator's request log.
    // 24 subscriptions: more than the old default of 16, so the default-limit test tells "all at once" from waves.
    before(async () => {
        world = await startEmulatorWorld({ seed: 'subscriptions=24,registries=48,cmk=0.5', latencyMs: 100 });
    });
    after(() => world?.stop());

    it('never has more list calls in flight than the limit, and does use the limit', async () => {
        const targets = await world.source.listAllSubscriptions();
        assert.equal(targets.length, 24);
        await listRegistriesInSubscriptions(targets.slice(0, 1)); // token acquired before measuring
        const { lastSeq } = await world.requests();
        const results = await listRegistriesInSubscriptions(targets, 3);
        assert.equal(results.flatMap((result) => result.registries ?? []).length, 48);
        const lists = (await world.requests(lastSeq)).requests.filter(isRegistryList);
        assert.equal(lists.length, 24);
        const peak = peakOverlap(lists);
        assert.ok(peak <= 3, `peak ${peak} > limit 3`);
        assert.ok(peak >= 2, `peak ${peak}: subscriptions were listed one by one`);
    });

    it('lists all subscriptions at once under the default limit (one list per subscription)', async () => {
        const targets = await world.source.listAllSubscriptions();
        assert.ok(defaultListConcurrency >= targets.length, `default limit ${defaultListConcurrency} below the ${targets.length} subscriptions`);
        const { lastSeq } = await world.requests();
        await listRegistriesInSubscriptions(targets);
        const lists = (await world.requests(lastSeq)).requests.filter(isRegistryList);
        assert.equal(lists.length, 24);
        // Above 16 (the old default) means no second wave; a little slack for requests the loaded machine starts late.
        assert.ok(peakOverlap(lists) >= 20, `peak ${peakOverlap(lists)}: expected nearly all 24 subscriptions in flight together`);
    });
});
