import type { AzureClientFactory } from '../clients/AzureClientFactory';

/** Resource Graph takes at most 1 000 subscriptions per query and returns at most 1 000 rows per page. */
const subscriptionsPerQuery = 1000;
const rowsPerPage = 1000;
/** Attempts of one page when Resource Graph answers 429 after the SDK's own retries. */
const throttledAttempts = 4;

export type GraphRow = Readonly<Record<string, unknown>>;

/** What the last answer said about the caller's quota (`x-ms-user-quota-remaining`, `x-ms-user-quota-resets-after`). */
interface Quota {
    remaining?: number;
    resetsAfterMs?: number;
}

/** `hh:mm:ss` (Resource Graph's `x-ms-user-quota-resets-after`) → milliseconds. */
export function timeSpanMs(text: string | undefined): number | undefined {
    const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text?.trim() ?? '');
    return match ? ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000 : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every row of `query` over the subscriptions, batched by 1 000 subscriptions. The first page says how many rows the
 * answer has (`totalRecords`); the other pages are then asked side by side with `$skip`, as many at once as the user
 * quota has left (Resource Graph's own advice for large results: no chain of `$skipToken` round trips), and kept in
 * page order; a row seen twice (the answer changed between pages) is kept once, and rows beyond the count the first
 * page gave are followed with `$skipToken`. The quota is respected: when an answer says none is left, the next request
 * waits until the window resets; a 429 that outlives the SDK's retries waits for the reset the same way (a few times)
 * before it counts as a failure. The query must project `id` (Resource Graph pages only queries that do).
 *
 * `fromPage` turns a page's rows into what the caller keeps; it runs while later pages are on their way.
 */
export async function queryResourceGraph<T = GraphRow>(
    factory: AzureClientFactory,
    subscriptionIds: readonly string[],
    query: string,
    fromPage: (rows: GraphRow[]) => T[] = (rows) => rows as T[],
): Promise<T[]> {
    const client = await factory.resourceGraph();
    const quota: Quota = {};
    const kept: T[] = [];
    const seen = new Set<string>();
    const keep = (rows: GraphRow[]) => {
        const fresh = rows.filter((row) => {
            const id = typeof row.id === 'string' ? row.id.toLowerCase() : undefined;
            return id === undefined || (!seen.has(id) && !!seen.add(id));
        });
        kept.push(...fromPage(fresh));
    };
    for (let start = 0; start < subscriptionIds.length; start += subscriptionsPerQuery) {
        const subscriptions = subscriptionIds.slice(start, start + subscriptionsPerQuery);
        const page = (options: { skip?: number; skipToken?: string }): Promise<Page> =>
            pageWithinQuota(quota, () =>
                client.resources(
                    { subscriptions, query, options: { top: rowsPerPage, ...options, resultFormat: 'objectArray' } },
                    {
                        onResponse: (response) => {
                            const remaining = response.headers.get('x-ms-user-quota-remaining');
                            quota.remaining = remaining === undefined ? undefined : Number(remaining);
                            quota.resetsAfterMs = timeSpanMs(response.headers.get('x-ms-user-quota-resets-after'));
                        },
                    },
                ),
            );
        const first = await page({});
        const firstRows = rowsOf(first);
        // The service's page size is what the first page carried (Resource Graph may send fewer rows than asked).
        const step = firstRows.length;
        const total = first.skipToken && step > 0 ? (first.totalRecords ?? 0) : 0;
        const offsets: number[] = [];
        for (let offset = step; offset < total; offset += step) {
            offsets.push(offset);
        }
        const pending = withinQuota(
            quota,
            offsets.map((skip) => () => page({ skip })),
        );
        let last: Page = first;
        try {
            keep(firstRows);
            for (const [index, next] of pending.entries()) {
                last = await next;
                let rows = rowsOf(last);
                keep(rows);
                // A page shorter than the others: the rest of its stretch, before the next page's rows.
                const wanted = Math.min(step, total - offsets[index]!);
                for (let got = rows.length; rows.length > 0 && got < wanted; got += rows.length) {
                    last = await page({ skip: offsets[index]! + got });
                    rows = rowsOf(last);
                    keep(rows);
                }
            }
            // The answer grew after the first page (or gave no count): the rest one page after the other.
            for (let token = last.skipToken; token; token = last.skipToken) {
                last = await page({ skipToken: token });
                keep(rowsOf(last));
            }
        } catch (error) {
            pending.forEach((next) => next.catch(() => undefined)); // the pages in flight are abandoned with the listing
            throw error;
        }
    }
    return kept;
}

type Page = { data?: unknown; skipToken?: string; totalRecords?: number };

const rowsOf = (page: Page): GraphRow[] => (Array.isArray(page.data) ? (page.data as GraphRow[]) : []);

/** Starts the requests side by side, never more at once than the quota the last answer said is left (at least one). */
function withinQuota<T>(quota: Quota, requests: readonly (() => Promise<T>)[]): Promise<T>[] {
    const slots = Math.max(1, quota.remaining ?? requests.length);
    const results: Promise<T>[] = [];
    for (const [index, request] of requests.entries()) {
        // Request n waits for request n − slots to end: at most `slots` in flight.
        const before = results[index - slots];
        results.push(before ? before.then(request, request) : request());
    }
    return results;
}

async function pageWithinQuota<T>(quota: Quota, request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
        if (quota.remaining === 0 && quota.resetsAfterMs !== undefined) {
            await sleep(quota.resetsAfterMs);
            quota.remaining = undefined;
        }
        try {
            return await request();
        } catch (error) {
            const e = error as { statusCode?: number; response?: { headers: { get(name: string): string | undefined } } };
            if (e.statusCode !== 429 || attempt >= throttledAttempts) {
                throw error;
            }
            quota.remaining = 0;
            quota.resetsAfterMs = timeSpanMs(e.response?.headers.get('x-ms-user-quota-resets-after')) ?? 5000;
        }
    }
}
