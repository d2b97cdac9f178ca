/** The world a Resource Graph listing reads, and what Resource Graph allows. */
export interface GraphWorld {
    readonly subscriptions: number;
    /** Rows of each query sent side by side (the fleet: registries, key vaults). */
    readonly rowsPerQuery: readonly number[];
    /** Rows per page (Resource Graph: at most 1 000). */
    readonly pageSize: number;
    /** Subscriptions one query may name (Resource Graph: 1 000). */
    readonly subscriptionsPerQuery: number;
    /** Items per subscription-list page (the emulator returns every subscription in one page). */
    readonly subscriptionPageSize: number;
    /** Requests per principal per window (Resource Graph's default: 15 per 5 s). */
    readonly quota: number;
    readonly quotaWindowMs: number;
}

const pages = (items: number, size: number) => Math.max(1, Math.ceil(items / size));

/** Subscription batches a query needs, and the pages of one batch (rows spread evenly). */
export function graphPagesPerBatch(world: GraphWorld, rows: number): { batches: number; pages: number } {
    const batches = pages(world.subscriptions, world.subscriptionsPerQuery);
    return { batches, pages: pages(Math.ceil(rows / batches), world.pageSize) };
}

/** Every Resource Graph request the listing needs, whatever their order. */
export function graphRequests(world: GraphWorld): number {
    return world.rowsPerQuery.reduce((sum, rows) => {
        const { batches, pages: perBatch } = graphPagesPerBatch(world, rows);
        return sum + batches * perBatch;
    }, 0);
}

/**
 * Rounds one batch's pages need at least: the first page (it gives the answer's count), then every other page side by
 * side with `$skip` (Resource Graph's paging allows it; the quota, counted apart, limits how many at once).
 */
export function graphPageRounds(pages: number): number {
    return pages > 1 ? 2 : 1;
}

/**
 * Dependent round trips nobody can avoid: a token, the subscription list's pages, then the page rounds of the longest
 * query (queries and batches side by side).
 */
export function graphDependentRoundTrips(world: GraphWorld): number {
    return (
        1 +
        pages(world.subscriptions, world.subscriptionPageSize) +
        Math.max(1, ...world.rowsPerQuery.map((rows) => graphPageRounds(graphPagesPerBatch(world, rows).pages)))
    );
}

/** Quota windows the listing must wait out: requests beyond the quota wait for the next window, a window at a time. */
export function graphQuotaWaits(world: GraphWorld): number {
    return Math.floor((graphRequests(world) - 1) / world.quota);
}

/** Floor = dependent round trips × latency, or the quota's windows when they take longer (the last window's requests still cost a round trip). */
export function graphFloorMs(world: GraphWorld, latencyMs: number): number {
    return Math.max(graphDependentRoundTrips(world) * latencyMs, graphQuotaWaits(world) * world.quotaWindowMs + latencyMs);
}

/** Resource Graph's limits (field-facts.md: 1 000 rows a page, 1 000 subscriptions a query, 15 requests per 5 s). */
export const resourceGraphLimits = { pageSize: 1000, subscriptionsPerQuery: 1000, subscriptionPageSize: 1000, quota: 15, quotaWindowMs: 5000 } as const;
