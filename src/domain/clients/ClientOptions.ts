/** Transport tuning; every field defaults to the Azure SDK's own default when absent (tests shorten them). */
export interface ClientOptions {
    readonly retry?: { readonly maxRetries?: number; readonly retryDelayInMs?: number; readonly maxRetryDelayInMs?: number };
    /** Per-request timeout; the SDK default is none. */
    readonly timeoutMs?: number;
    /** Poll interval of long-running operations (create/update registry, …). */
    readonly lroPollIntervalMs?: number;
    /** How many subscriptions are listed at the same time. */
    readonly listConcurrency?: number;
}

/**
 * Upper bound on subscriptions listed at the same time: below it, every subscription's `registries.list` starts at
 * once (the pools never run more lanes than items). ARM throttles reads per subscription (and per principal per
 * hour, far above one list each), so one list per subscription in parallel is safe; the bound only keeps a tenant
 * with hundreds of subscriptions from opening hundreds of connections at once. Tests pass smaller limits.
 */
export const defaultListConcurrency = 100;
