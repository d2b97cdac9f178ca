import * as assert from 'node:assert/strict';
import { applySubscriptionFilter } from '../../../src/domain/subscriptions/listSubscriptions';
import { mapWithConcurrency } from '../../../src/domain/util/mapWithConcurrency';

describe('subscription filter', () => {
    const subscriptions = [
        { subscriptionId: 'AAAA', name: 'a', tenantId: 't1' },
        { subscriptionId: 'bbbb', name: 'b', tenantId: 't2' },
        { subscriptionId: 'cccc', name: 'c' },
    ];

    it('keeps everything when empty', () => assert.equal(applySubscriptionFilter(subscriptions, []).length, 3));

    it('accepts tenant/subscription entries (Azure sidebar format) and bare ids, case-insensitively', () => {
        assert.deepEqual(
            applySubscriptionFilter(subscriptions, ['T1/aaaa']).map((s) => s.name),
            ['a'],
        );
        assert.deepEqual(
            applySubscriptionFilter(subscriptions, ['t1/bbbb']).map((s) => s.name),
            [],
            'wrong tenant',
        );
        assert.deepEqual(
            applySubscriptionFilter(subscriptions, ['CCCC', 't2/bbbb']).map((s) => s.name),
            ['b', 'c'],
        );
    });
});

describe('mapWithConcurrency', () => {
    it('never runs more than the limit at once and keeps the order', async () => {
        let running = 0;
        let peak = 0;
        const items = Array.from({ length: 40 }, (_, index) => index);
        const results = await mapWithConcurrency(items, 5, async (item) => {
            running++;
            peak = Math.max(peak, running);
            await new Promise((resolve) => setImmediate(resolve));
            running--;
            return item * 2;
        });
        assert.equal(peak, 5);
        assert.deepEqual(
            results,
            items.map((item) => item * 2),
        );
    });

    it('handles an empty list and a limit above the item count', async () => {
        assert.deepEqual(await mapWithConcurrency([], 16, () => Promise.resolve(1)), []);
        assert.deepEqual(await mapWithConcurrency([1, 2], 16, (x) => Promise.resolve(x + 1)), [2, 3]);
    });
});
