/** The world a tree benchmark lists. */
export interface TreeWorld {
    readonly subscriptions: number;
    readonly registriesPerSubscription: number;
    /** Items per `registries.list` page (the emulator, like ARM, pages at 100). */
    readonly pageSize: number;
    /** Items per subscription-list page (the emulator returns every subscription in one page). */
    readonly subscriptionPageSize: number;
}

/**
 * Dependent round trips nobody can avoid to show every registry: a token, the subscription list's pages (each page
 * needs the previous one's nextLink), then one subscription's list pages (same reason) — every subscription in
 * parallel, so only the longest one counts.
 */
export function treeDependentRoundTrips(world: TreeWorld): number {
    const pages = (items: number, size: number) => Math.max(1, Math.ceil(items / size));
    return 1 + pages(world.subscriptions, world.subscriptionPageSize) + pages(world.registriesPerSubscription, world.pageSize);
}

export function treeFloorMs(world: TreeWorld, latencyMs: number): number {
    return treeDependentRoundTrips(world) * latencyMs;
}

/**
 * What a bounded pool costs: with `limit` lists in flight, the subscriptions go in ceil(n / limit) waves, each as
 * long as one subscription's pages. The smallest limit whose estimate stays within `goalRatio` × floor.
 */
export function estimatedTreeMs(world: TreeWorld, latencyMs: number, limit: number): number {
    const waves = Math.ceil(world.subscriptions / Math.max(1, limit));
    const listPages = Math.max(1, Math.ceil(world.registriesPerSubscription / world.pageSize));
    return (treeDependentRoundTrips(world) - listPages + waves * listPages) * latencyMs;
}

export function smallestLimitWithin(world: TreeWorld, latencyMs: number, goalRatio: number): number {
    const floor = treeFloorMs(world, latencyMs);
    for (let limit = 1; limit <= world.subscriptions; limit++) {
        if (estimatedTreeMs(world, latencyMs, limit) <= goalRatio * floor) {
            return limit;
        }
    }
    return world.subscriptions;
}
