import type { LoggedRequest } from './requestLog';

export type FleetRequestKind = 'token' | 'subscriptionList' | 'graph' | 'other';

const GRAPH = /\/providers\/Microsoft\.ResourceGraph\/resources$/i;

/** What a logged request was for the fleet read: sign-in, the subscription list, a Resource Graph page, or a Resource Manager listing. */
export function fleetRequestKind(request: Pick<LoggedRequest, 'method' | 'path'>): FleetRequestKind {
    if (/\/oauth2\/(v2\.0\/)?token\/?$/i.test(request.path) || /openid-configuration|\/discovery\/instance/i.test(request.path)) {
        return 'token';
    }
    if (request.method === 'GET' && /^\/subscriptions\/?$/i.test(request.path)) {
        return 'subscriptionList';
    }
    if (request.method === 'POST' && GRAPH.test(request.path)) {
        return 'graph';
    }
    return 'other';
}

export function countFleetRequests(requests: readonly Pick<LoggedRequest, 'method' | 'path'>[]): Record<FleetRequestKind, number> {
    const counts: Record<FleetRequestKind, number> = { token: 0, subscriptionList: 0, graph: 0, other: 0 };
    for (const request of requests) {
        counts[fleetRequestKind(request)]++;
    }
    return counts;
}

/** Resource Graph's 429 answers (the user quota spent). */
export const graphThrottled = (requests: readonly Pick<LoggedRequest, 'method' | 'path' | 'status'>[]) =>
    requests.filter((request) => fleetRequestKind(request) === 'graph' && request.status === 429).length;
