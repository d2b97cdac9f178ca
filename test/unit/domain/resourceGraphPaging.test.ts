import * as assert from 'node:assert/strict';
import { queryResourceGraph, type GraphRow } from '../../../src/domain/azure/resourceGraph';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';

// Paging of a large Resource Graph answer: the first page gives the count, the other pages go side by side with $skip
// (within the quota the last answer left), a short page is completed, rows seen twice are kept once.

interface Asked {
    skip?: number;
    skipToken?: string;
    top?: number;
}

/** A Resource Graph stand-in over `rows`, answering at most `pageSize` rows a page; each answer waits until released. */
function fakeGraph(rows: GraphRow[], options: { pageSize: number; quotaRemaining?: number; shortAt?: number }) {
    const asked: Asked[] = [];
    const waiting: (() => void)[] = [];
    let inFlight = 0;
    let peak = 0;
    const client = {
        resources: async (request: { options: Asked }, operation: { onResponse(response: { headers: { get(name: string): string | undefined } }): void }) => {
            asked.push(request.options);
            inFlight++;
            peak = Math.max(peak, inFlight);
            await new Promise<void>((resolve) => waiting.push(resolve));
            inFlight--;
            const offset = request.options.skipToken ? Number(request.options.skipToken) : (request.options.skip ?? 0);
            const size = offset === options.shortAt ? Math.floor(options.pageSize / 2) : options.pageSize;
            const data = rows.slice(offset, offset + Math.min(size, request.options.top ?? size));
            operation.onResponse({
                headers: {
                    get: (name) =>
                        name === 'x-ms-user-quota-remaining'
                            ? String(options.quotaRemaining ?? 14)
                            : name === 'x-ms-user-quota-resets-after'
                              ? '00:00:05'
                              : undefined,
                },
            });
            const next = offset + data.length;
            return { totalRecords: rows.length, count: data.length, data, ...(next < rows.length ? { skipToken: String(next) } : {}) };
        },
    };
    const factory = { resourceGraph: () => Promise.resolve(client) } as unknown as AzureClientFactory;
    /** Answers every request waiting now; returns how many. */
    const release = () => {
        const now = waiting.splice(0);
        now.forEach((resolve) => resolve());
        return now.length;
    };
    return { factory, asked, release, peak: () => peak };
}

/** Runs the query, answering whatever is waiting until it ends; returns the rows and the rounds it took. */
async function drive(graph: ReturnType<typeof fakeGraph>): Promise<{ rows: GraphRow[]; rounds: number }> {
    let done = false;
    const result = queryResourceGraph(graph.factory, ['s1'], 'Resources | project id | order by id asc').finally(() => {
        done = true;
    });
    let rounds = 0;
    while (!done) {
        await new Promise((resolve) => setImmediate(resolve));
        if (graph.release() > 0) {
            rounds++;
        }
    }
    return { rows: await result, rounds };
}

const rowsOf = (count: number): GraphRow[] => Array.from({ length: count }, (_, index) => ({ id: `/subscriptions/s1/r/${String(index).padStart(5, '0')}` }));

describe('Resource Graph paging', () => {
    it('asks every page after the first side by side with $skip: two dependent rounds for ten pages', async () => {
        const graph = fakeGraph(rowsOf(10_000), { pageSize: 1000 });
        const { rows, rounds } = await drive(graph);
        assert.equal(rows.length, 10_000);
        assert.equal(new Set(rows.map((row) => row.id)).size, 10_000);
        assert.equal(rounds, 2, 'the first page, then the nine others at once');
        assert.equal(graph.peak(), 9);
        assert.deepEqual(
            graph.asked.slice(1).map((options) => options.skip),
            [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000],
        );
    });

    it('never has more pages in flight than the quota the first answer left', async () => {
        const graph = fakeGraph(rowsOf(10_000), { pageSize: 1000, quotaRemaining: 3 });
        const { rows, rounds } = await drive(graph);
        assert.equal(rows.length, 10_000);
        assert.equal(graph.peak(), 3);
        assert.equal(rounds, 4, 'the first page, then nine pages three at a time');
    });

    it('takes the page size the service chose, and completes a page that came back short', async () => {
        const graph = fakeGraph(rowsOf(100), { pageSize: 20, shortAt: 40 });
        const { rows } = await drive(graph);
        assert.deepEqual(
            rows.map((row) => row.id),
            rowsOf(100).map((row) => row.id),
        );
        assert.ok(
            graph.asked.some((options) => options.skip === 50),
            `the short page's second half was asked: ${JSON.stringify(graph.asked)}`,
        );
    });

    it('one page when the answer fits in it', async () => {
        const graph = fakeGraph(rowsOf(7), { pageSize: 1000 });
        const { rows, rounds } = await drive(graph);
        assert.equal(rows.length, 7);
        assert.equal(rounds, 1);
        assert.equal(graph.asked.length, 1);
    });
});
