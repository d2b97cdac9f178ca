import type { DataAccessProblem } from './DataAccess';
import type { DataPlaneRegistry } from './listRepositories';

interface AcrErrorShape {
    readonly statusCode?: number;
    readonly code?: string;
    readonly message?: string;
    readonly details?: { readonly errors?: readonly { readonly code?: string; readonly message?: string }[] };
}

/**
 * A failed data-plane read, as a structured problem. ACR's refusals (401, 403) keep its own code and message from the
 * distribution spec's error body (`{"errors":[{"code","message"}]}`); anything else is "unreachable" with the
 * service's or the network's own text (ids and codes, never a token).
 */
export function dataAccessProblem(error: unknown): DataAccessProblem {
    const e = (error ?? {}) as AcrErrorShape;
    const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
    const first = e.details?.errors?.[0];
    const message = firstLine(first?.message ?? (error instanceof Error ? error.message : String(error)));
    if (status === 401 || status === 403) {
        return { kind: 'denied', statusCode: status, code: first?.code ?? (typeof e.code === 'string' ? e.code : `HTTP${status}`), message };
    }
    return { kind: 'unreachable', reason: status ? `${status}: ${message}` : message };
}

function firstLine(text: string): string {
    return text.split('\n')[0]?.trim() ?? '';
}

/** What `read` makes of the registry's login server; no login server, or a failed read, is the problem instead. */
export async function readDataPlane<T>(registry: DataPlaneRegistry, read: (loginServer: string) => Promise<T>): Promise<T | DataAccessProblem> {
    if (!registry.loginServer) {
        return { kind: 'unreachable', reason: registry.name, noLoginServer: true };
    }
    try {
        return await read(registry.loginServer);
    } catch (error) {
        return dataAccessProblem(error);
    }
}
