/** One entry of the emulator's request log (`GET /_emulator/requests`). */
export interface LoggedRequest {
    seq: number;
    time: string;
    method: string;
    host: string;
    path: string;
    query: Record<string, string>;
    status: number;
    durationMs: number;
}

const REGISTRY_LIST = /^\/subscriptions\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries\/?$/i;
const SUBSCRIPTION_LIST = /^\/subscriptions\/?$/i;
const TOKEN = /\/oauth2\/(v2\.0\/)?token\/?$/i;

export type RequestKind = 'token' | 'authorityMetadata' | 'subscriptionList' | 'registryList' | 'lroPoll' | 'other';

/** What a logged request was, for counting: the tree only ever needs tokens, the subscription list and registry lists. */
export function classify(request: Pick<LoggedRequest, 'method' | 'path'>): RequestKind {
    if (TOKEN.test(request.path)) {
        return 'token';
    }
    if (/openid-configuration|\/discovery\/instance/i.test(request.path)) {
        return 'authorityMetadata';
    }
    if (request.method === 'GET' && SUBSCRIPTION_LIST.test(request.path)) {
        return 'subscriptionList';
    }
    if (request.method === 'GET' && REGISTRY_LIST.test(request.path)) {
        return 'registryList';
    }
    if (request.method === 'GET' && /\/(operationStatuses|operationResults)\//i.test(request.path)) {
        return 'lroPoll';
    }
    return 'other';
}

export function countByKind(requests: readonly LoggedRequest[]): Record<RequestKind, number> {
    const counts: Record<RequestKind, number> = { token: 0, authorityMetadata: 0, subscriptionList: 0, registryList: 0, lroPoll: 0, other: 0 };
    for (const request of requests) {
        counts[classify(request)]++;
    }
    return counts;
}

/** Requests the measured client sent: everything but the admin API (which the emulator does not log anyway). */
export function clientRequests(requests: readonly LoggedRequest[]): LoggedRequest[] {
    return requests.filter((request) => !request.path.startsWith('/_emulator'));
}

/**
 * Longest chain of requests in which each one started after the previous one ended: the dependent round trips the
 * client actually made (requests in parallel count once). Uses the log's start time and duration (ms resolution).
 */
export function dependentChainLength(requests: readonly Pick<LoggedRequest, 'time' | 'durationMs'>[]): number {
    const spans = requests.map((r) => ({ start: Date.parse(r.time), end: Date.parse(r.time) + r.durationMs })).sort((a, b) => a.end - b.end);
    // chain[i] = longest chain ending with span i; spans sorted by end, so any predecessor comes earlier.
    const chain: number[] = [];
    for (let i = 0; i < spans.length; i++) {
        let best = 0;
        for (let j = 0; j < i; j++) {
            if (spans[j]!.end <= spans[i]!.start && chain[j]! > best) {
                best = chain[j]!;
            }
        }
        chain.push(best + 1);
    }
    return Math.max(0, ...chain);
}

/** Largest number of requests in flight at once. */
export function peakConcurrency(requests: readonly Pick<LoggedRequest, 'time' | 'durationMs'>[]): number {
    const events = requests
        .flatMap((r) => {
            const start = Date.parse(r.time);
            return [
                { at: start, delta: 1 },
                { at: start + r.durationMs, delta: -1 },
            ];
        })
        .sort((a, b) => a.at - b.at || a.delta - b.delta);
    let running = 0;
    let peak = 0;
    for (const event of events) {
        running += event.delta;
        peak = Math.max(peak, running);
    }
    return peak;
}
