import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { DataAccessResult } from './DataAccess';
import type { DataPlaneRegistry } from './listRepositories';
import { verifyDataAccess } from './verifyDataAccess';

export interface WaitOptions {
    /** Give up after this long (default 2 minutes): the last reading is returned either way. */
    readonly timeoutMs?: number;
    /** Pause after the first unreadable answer; it doubles up to `maxDelayMs` (defaults 2 s and 15 s). */
    readonly firstDelayMs?: number;
    readonly maxDelayMs?: number;
    /** Each reading as it comes (progress). */
    readonly onReading?: (reading: DataAccessResult, attempt: number) => void;
    readonly abortSignal?: AbortSignal;
}

export interface WaitOutcome {
    readonly result: DataAccessResult;
    readonly attempts: number;
    readonly waitedMs: number;
}

/**
 * Reads the registry's data until it is readable, bounded: after Restore, Azure takes a while to use the key again
 * (grants and key state propagate), so one reading is not enough. Polls with exponential backoff.
 */
export async function waitUntilReadable(factory: AzureClientFactory, registry: DataPlaneRegistry, options: WaitOptions = {}): Promise<WaitOutcome> {
    const timeoutMs = options.timeoutMs ?? 120_000;
    const maxDelayMs = options.maxDelayMs ?? 15_000;
    const started = Date.now();
    let delay = options.firstDelayMs ?? 2_000;
    for (let attempt = 1; ; attempt++) {
        const result = await verifyDataAccess(factory, registry);
        options.onReading?.(result, attempt);
        const waitedMs = Date.now() - started;
        const remaining = timeoutMs - waitedMs;
        if (result.kind === 'readable' || remaining <= 0 || !awaitable(result) || options.abortSignal?.aborted) {
            return { result, attempts: attempt, waitedMs };
        }
        await pause(Math.min(delay, remaining), options.abortSignal);
        delay = Math.min(delay * 2, maxDelayMs);
    }
}

/** Worth waiting for: a refusal about the key (403) or no answer; not a caller without a role on the registry (401) nor no login server. */
function awaitable(result: DataAccessResult): boolean {
    return result.kind === 'denied' ? result.statusCode !== 401 : result.kind === 'unreachable' && !result.noLoginServer;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
        function done(): void {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
    });
}
