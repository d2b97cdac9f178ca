import * as assert from 'node:assert/strict';
import { estimatedTreeMs, smallestLimitWithin, treeDependentRoundTrips, treeFloorMs, type TreeWorld } from '../../../bench/lib/floor';

const world = (subscriptions: number, registriesPerSubscription: number): TreeWorld => ({
    subscriptions,
    registriesPerSubscription,
    pageSize: 100,
    subscriptionPageSize: 1000,
});

describe('bench: the tree floor', () => {
    it("is token + subscription list + one subscription's list pages (all subscriptions in parallel)", () => {
        assert.equal(treeDependentRoundTrips(world(100, 100)), 3, '100 registries fit one page');
        assert.equal(treeFloorMs(world(100, 100), 100), 300);
        assert.equal(treeDependentRoundTrips(world(100, 101)), 4, '101 registries need a second page, fetched after the first');
        assert.equal(treeDependentRoundTrips(world(2, 250)), 5);
        assert.equal(treeDependentRoundTrips(world(5, 0)), 3, 'an empty subscription still costs its one list call');
        assert.equal(treeDependentRoundTrips({ ...world(2500, 1), subscriptionPageSize: 1000 }), 5, 'subscription list pages are dependent too');
    });

    it('estimates a bounded pool as waves of lists', () => {
        assert.equal(estimatedTreeMs(world(100, 100), 100, 100), 300, 'one wave');
        assert.equal(estimatedTreeMs(world(100, 100), 100, 16), 900, 'ceil(100/16) = 7 waves');
        assert.equal(estimatedTreeMs(world(2, 250), 100, 1), 800, 'two subscriptions one after the other, 3 pages each');
    });

    it('finds the smallest limit within the goal', () => {
        assert.equal(smallestLimitWithin(world(100, 100), 100, 1.2), 100, 'only one wave stays within 1.2×');
        assert.equal(smallestLimitWithin(world(100, 100), 100, 2), 25, 'four waves: token + subscriptions + 4 = 600 ms = 2× floor');
        assert.equal(smallestLimitWithin(world(20, 50), 100, 1.2), 20);
    });
});
