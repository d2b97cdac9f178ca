import { matrixTimeoutMs } from './faultWorld';
import type { RequestPattern } from './requestPatterns';

/** One fault the matrix injects. Transient ones must be retried by the SDK pipeline (the flow then succeeds). */
export interface FaultKind {
    readonly name: string;
    readonly transient: boolean;
    readonly action: Record<string, unknown>;
    /** The failure's cause must contain one of these (Azure's code, the injected text, or the HTTP status) to count as naming the cause. */
    readonly markers: readonly (string | RegExp)[];
    /** Why a request does not get this fault, or undefined when it does. */
    skip(pattern: RequestPattern): string | undefined;
}

const always = (): undefined => undefined;
const error = (status: number, code: string, message: string, retryAfter?: number) => ({
    status,
    code,
    message: `${message} (injected ${status})`,
    ...(retryAfter === undefined ? {} : { retryAfter }),
});

export const delayMs = matrixTimeoutMs + 300;

export const faultKinds: readonly FaultKind[] = [
    { name: '429+Retry-After', transient: true, action: error(429, 'TooManyRequests', 'Too many requests.', 1), markers: [], skip: always },
    { name: '500', transient: true, action: error(500, 'InternalServerError', 'Internal error.'), markers: [], skip: always },
    { name: '503', transient: true, action: error(503, 'ServiceUnavailable', 'Service unavailable.'), markers: [], skip: always },
    { name: 'drop', transient: true, action: { drop: true }, markers: [], skip: always },
    { name: 'timeout', transient: true, action: { delayMs }, markers: [], skip: always },
    {
        name: 'lroFailed',
        transient: false,
        action: { lroFail: true },
        markers: ['InternalServerError', 'injected by an emulator fault rule'],
        // Only requests that start an asynchronous operation can end `Failed`. Of those, the emulator fails registry
        // operations on request; a deployment's operation fails only through its content (its resources' own errors).
        skip: (p) =>
            !p.startsOperation
                ? 'not a long-running operation'
                : !/\/Microsoft\\\.ContainerRegistry\/registries\//i.test(p.pathPattern)
                  ? 'the emulator fails only registry operations on request'
                  : undefined,
    },
    {
        name: '403',
        transient: false,
        action: error(403, 'InjectedForbidden', 'The client does not have authorization.'),
        markers: ['InjectedForbidden', 'injected 403', /\b403\b/],
        skip: always,
    },
    {
        name: '404',
        transient: false,
        action: error(404, 'InjectedNotFound', 'The resource was deleted.'),
        markers: ['InjectedNotFound', 'injected 404', /\b404\b/],
        skip: (p) => (p.baselineStatuses.includes(404) ? "a 404 is this request's normal answer" : undefined),
    },
    {
        name: '409',
        transient: false,
        action: error(409, 'InjectedConflict', 'Another operation is in progress.'),
        markers: ['InjectedConflict', 'injected 409', /\b409\b/],
        skip: always,
    },
];
