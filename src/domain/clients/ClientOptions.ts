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

export const defaultListConcurrency = 16;
