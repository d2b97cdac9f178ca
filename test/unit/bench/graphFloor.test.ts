import * as assert from 'node:assert/strict';
import { graphDependentRoundTrips, graphFloorMs, graphPagesPerBatch, graphQuotaWaits, graphRequests, resourceGraphLimits, type GraphWorld } from '../../../bench/lib/graphFloor';

const world = (subscriptions: number, ...rowsPerQuery: number[]): GraphWorld => ({ ...resourceGraphLimits, subscriptions, rowsPerQuery });

describe('bench: the Resource Graph floor', () => {
    it('is token + subscription list + the longest query\'s pages of one batch (queries side by side)', () => {
        assert.equal(graphDependentRoundTrips(world(1000, 10_000, 3000)), 12, '10 registry pages; the vaults\' 3 pages run beside them');
        assert.equal(graphFloorMs(world(1000, 10_000, 3000), 100), 1200);
        assert.equal(graphDependentRoundTrips(world(100, 10_000, 300)), 12);
        assert.equal(graphDependentRoundTrips(world(100, 10_001, 300)), 13, 'one row more is one page more, after the others');
        assert.equal(graphDependentRoundTrips(world(5, 0, 0)), 3, 'an empty answer still costs its one request');
        assert.equal(graphDependentRoundTrips(world(2500, 10, 10)), 1 + 3 + 1, 'subscription list pages are dependent too');
    });

    it('splits more than 1 000 subscriptions into batches that run side by side', () => {
        assert.deepEqual(graphPagesPerBatch(world(2000, 10_000), 10_000), { batches: 2, pages: 5 });
        assert.equal(graphRequests(world(2000, 10_000, 6000)), 10 + 6);
        assert.equal(graphDependentRoundTrips(world(2000, 10_000, 6000)), 1 + 2 + 5);
    });

    it('waits for the quota window once the requests outnumber the quota', () => {
        assert.equal(graphRequests(world(1000, 10_000, 3000)), 13);
        assert.equal(graphQuotaWaits(world(1000, 10_000, 3000)), 0, '13 requests fit the 15 of one window');
        assert.equal(graphQuotaWaits(world(1000, 14_000, 0)), 0, '14 + 1 (an empty answer still costs its request) = 15: one window');
        assert.equal(graphRequests(world(1000, 15_000, 0)), 16);
        assert.equal(graphQuotaWaits(world(1000, 15_000, 0)), 1);
        assert.equal(graphFloorMs(world(1000, 15_000, 0), 100), 5100, 'one 5 s window, then the last request\'s round trip');
        assert.equal(graphFloorMs(world(1000, 30_000, 1000), 100), 10_100, '31 requests: two windows waited out');
    });
});
