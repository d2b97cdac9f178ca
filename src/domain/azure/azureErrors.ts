import { isDomainError } from '../errors';

// How the domain reads Azure's failures: one place for the error code and message, "not found", and the text a report shows.

export interface AzureErrorInfo {
    readonly code: string;
    readonly message: string;
    readonly statusCode?: number;
}

/** Azure's error code and message from an SDK error (or a domain error's code), for reports and messages. */
export function azureErrorOf(error: unknown): AzureErrorInfo {
    if (isDomainError(error)) {
        return { code: error.code, message: error.message };
    }
    const e = error as { code?: unknown; statusCode?: unknown; message?: unknown; details?: { error?: { code?: string; message?: string } } };
    const code = (typeof e?.code === 'string' && e.code) || e?.details?.error?.code || (typeof e?.statusCode === 'number' ? `HTTP${e.statusCode}` : 'Error');
    const message = (typeof e?.message === 'string' && e.message) || e?.details?.error?.message || String(error);
    return { code, message, ...(typeof e?.statusCode === 'number' ? { statusCode: e.statusCode } : {}) };
}

/** The resource (or its parent) does not exist: Azure's 404, whatever the error code. */
export function isNotFound(error: unknown): boolean {
    return (error as { statusCode?: number } | undefined)?.statusCode === 404;
}

/** The answer, or undefined when Azure says the resource is not there: the one place where a 404 means "absent". */
export async function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined> {
    try {
        return await request;
    } catch (error) {
        if (isNotFound(error)) {
            return undefined;
        }
        throw error;
    }
}

/** `(status) message`: Azure's own text, which carries ids and codes only (never a token). */
export function describeAzureFailure(error: unknown): string {
    const status = (error as { statusCode?: number } | undefined)?.statusCode;
    const message = error instanceof Error ? error.message : String(error);
    return status ? `(${status}) ${message}` : message;
}
