import type { AzureClientFactory } from '../clients/AzureClientFactory';

/** Resource Graph takes at most 1 000 subscriptions per query and returns at most 1 000 rows per page. */
const subscriptionsPerQuery = 1000;
const rowsPerPage = 1000;
/** Attempts of one page when Resource Graph answers 429 after the SDK's own retries. */
const throttledAttempts = 4;

export type GraphRow = Readonly<Record<string, unknown>>;

/** What the last answer said about the caller's quota (`x-ms-user-quota-remaining`, `x-ms-user-quota-resets-after`). */
interface Quota { remaining?: number; resetsAfterMs?: number }

/** `hh:mm:ss` (Resource Graph's `x-ms-user-quota-resets-after`) → milliseconds. */
export function timeSpanMs(text: string | undefined): number | undefined {
    const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text?.trim() ?? '');
    return match ? ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000 : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every row of `query` over the subscriptions: batched by 1 000 subscriptions, every page followed with `$skipToken`.
 * The user quota is respected: when an answer says none is left, the next request waits until the window resets; a
 * 429 that outlives the SDK's retries waits for the reset the same way (a few times) before it counts as a failure.
 * The query must project `id` (Resource Graph pages only queries that do).
 *
 * `fromPage` turns a page's rows into what the caller keeps; it runs while the next page is on its way (the next
 * request is sent as soon as a page's `$skipToken` is known), so that work is not added to the chain of pages.
 */
export async function queryResourceGraph<T = GraphRow>(factory: AzureClientFactory, subscriptionIds: readonly string[], query: string,
    fromPage: (rows: GraphRow[]) => T[] = (rows) => rows as T[]): Promise<T[]> {
    const client = await factory.resourceGraph();
    const quota: Quota = {};
    const kept: T[] = [];
    for (let start = 0; start < subscriptionIds.length; start += subscriptionsPerQuery) {
        const subscriptions = subscriptionIds.slice(start, start + subscriptionsPerQuery);
        type Page = { data?: unknown; skipToken?: string };
        const page = (skipToken: string | undefined): Promise<Page> => pageWithinQuota(quota, () => client.resources({ subscriptions, query, options: { top: rowsPerPage, skipToken, resultFormat: 'objectArray' } }, {
            onResponse: (response) => {
                const remaining = response.headers.get('x-ms-user-quota-remaining');
                quota.remaining = remaining === undefined ? undefined : Number(remaining);
                quota.resetsAfterMs = timeSpanMs(response.headers.get('x-ms-user-quota-resets-after'));
            },
        }));
        let pending: Promise<Page> | undefined = page(undefined);
        while (pending) {
            const answer: Page = await pending;
            pending = answer.skipToken ? page(answer.skipToken) : undefined;
            const rows = Array.isArray(answer.data) ? answer.data as GraphRow[] : [];
            try {
                for (const item of fromPage(rows)) {
                    kept.push(item);
                }
            } catch (error) {
                pending?.catch(() => undefined); // the page in flight is abandoned with the listing
                throw error;
            }
        }
    }
    return kept;
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
