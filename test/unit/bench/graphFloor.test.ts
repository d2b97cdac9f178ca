import * as assert from 'node:assert/strict';
import {
    graphDependentRoundTrips,
    graphFloorMs,
    graphPagesPerBatch,
    graphQuotaWaits,
    graphRequests,
    resourceGraphLimits,
    type GraphWorld,
} from '../../../bench/lib/graphFloor';

const world = (subscriptions: number, ...rowsPerQuery: number[]): GraphWorld => ({ ...resourceGraphLimits, subscriptions, rowsPerQuery });

describe('bench: the Resource Graph floor', () => {
    it('is token + subscription list + the first page + the other pages side by side (queries side by side)', () => {
        assert.equal(graphDependentRoundTrips(world(1000, 10_000, 3000)), 4, "the first registry page, then 9 more at once; the vaults' pages beside them");
        assert.equal(graphFloorMs(world(1000, 10_000, 3000), 100), 400);
        assert.equal(graphDependentRoundTrips(world(100, 10_000, 300)), 4);
        assert.equal(graphDependentRoundTrips(world(100, 1000, 300)), 3, 'one page: no second round');
        assert.equal(graphDependentRoundTrips(world(100, 1001, 300)), 4, 'one row more is one page more, after the first');
        assert.equal(graphDependentRoundTrips(world(5, 0, 0)), 3, 'an empty answer still costs its one request');
        assert.equal(graphDependentRoundTrips(world(2500, 10, 10)), 1 + 3 + 1, 'subscription list pages are dependent too');
    });

    it('splits more than 1 000 subscriptions into batches that run side by side', () => {
        assert.deepEqual(graphPagesPerBatch(world(2000, 10_000), 10_000), { batches: 2, pages: 5 });
        assert.equal(graphRequests(world(2000, 10_000, 6000)), 10 + 6);
        assert.equal(graphDependentRoundTrips(world(2000, 10_000, 6000)), 1 + 2 + 2);
    });

    it('waits for the quota window once the requests outnumber the quota', () => {
        assert.equal(graphRequests(world(1000, 10_000, 3000)), 13);
        assert.equal(graphQuotaWaits(world(1000, 10_000, 3000)), 0, '13 requests fit the 15 of one window');
        assert.equal(graphQuotaWaits(world(1000, 14_000, 0)), 0, '14 + 1 (an empty answer still costs its request) = 15: one window');
        assert.equal(graphRequests(world(1000, 15_000, 0)), 16);
        assert.equal(graphQuotaWaits(world(1000, 15_000, 0)), 1);
        assert.equal(graphFloorMs(world(1000, 15_000, 0), 100), 5100, "one 5 s window, then the last request's round trip");
        assert.equal(graphFloorMs(world(1000, 30_000, 1000), 100), 10_100, '31 requests: two windows waited out');
    });
});
