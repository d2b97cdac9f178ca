import type { LoggedRequest } from '../domain/emulatorWorld';

/** One request a flow sends, generalized: method, exact host, path as a regular expression with generated ids as wildcards. */
export interface RequestPattern {
    readonly method: string;
    readonly host: string;
    readonly pathPattern: string;
    /** A readable form for listings: `PUT vault.host /keys/{id}/create`. */
    readonly label: string;
    /** Statuses the fault-free run got (a 404 fault is not injected where 404 is the normal answer). */
    readonly baselineStatuses: readonly number[];
    /** The request may have started a long-running operation (answered 201/202). */
    readonly startsOperation: boolean;
}

// Generated per run, so they differ between the discovery run and the cases: GUIDs (operation, role assignment ids) and key versions.
const generatedSegment = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

/** The identity provider and the admin API are not the flow's requests (tokens are cached across runs; the admin API is the test's). */
function isFlowRequest(request: LoggedRequest): boolean {
    return !request.path.startsWith('/_emulator/') && !/\/oauth2\/|\/\.well-known\/|\/discovery\//i.test(request.path);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Distinct requests of one run, in first-seen order. */
export function requestPatterns(log: readonly LoggedRequest[]): RequestPattern[] {
    const patterns = new Map<string, { method: string; host: string; pathPattern: string; label: string; statuses: Set<number> }>();
    for (const request of log.filter(isFlowRequest)) {
        const segments = request.path.split('/');
        const pathPattern = `^${segments.map((s) => (generatedSegment.test(s) ? '[^/]+' : escapeRegExp(s))).join('/')}$`;
        const label = `${request.method} ${request.host.split(':')[0]} ${segments.map((s) => (generatedSegment.test(s) ? '{id}' : s)).join('/')}`;
        const key = `${request.method} ${request.host.toLowerCase()} ${pathPattern.toLowerCase()}`;
        const entry = patterns.get(key) ?? { method: request.method, host: request.host.toLowerCase(), pathPattern, label, statuses: new Set<number>() };
        entry.statuses.add(request.status);
        patterns.set(key, entry);
    }
    return [...patterns.values()].map((p) => ({
        method: p.method,
        host: p.host,
        pathPattern: p.pathPattern,
        label: p.label,
        baselineStatuses: [...p.statuses].sort(),
        startsOperation: p.method !== 'GET' && (p.statuses.has(201) || p.statuses.has(202)),
    }));
}

/** The emulator's fault rule that hits the first request of a pattern only (its retry, and later requests, pass). */
export function firstRequestRule(pattern: RequestPattern, action: Record<string, unknown>): Record<string, unknown> {
    return { method: pattern.method, hostPattern: `^${escapeRegExp(pattern.host)}$`, pathPattern: pattern.pathPattern, nth: 1, action };
}
