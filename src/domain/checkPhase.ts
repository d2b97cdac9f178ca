import { describeAzureFailure } from './azure/azureErrors';
import { DomainError, isDomainError } from './errors';

/**
 * Runs the read-only check of a flow (everything it reads before the first change). An Azure or transport failure
 * there becomes `CheckBeforeChangeFailed`, which names that step and the cause and says nothing was changed; domain
 * errors (refusals, "not found") already say what is wrong and pass through unchanged.
 */
export async function beforeAnyChange<T>(step: string, check: () => Promise<T>): Promise<T> {
    try {
        return await check();
    } catch (error) {
        if (isDomainError(error) || !isAzureFailure(error)) {
            throw error;
        }
        throw new DomainError('CheckBeforeChangeFailed', { step, cause: describeAzureFailure(error) });
    }
}

function isAzureFailure(error: unknown): boolean {
    const e = error as { statusCode?: unknown; name?: unknown; code?: unknown } | undefined;
    return typeof e?.statusCode === 'number' || e?.name === 'RestError' || e?.name === 'AbortError' || typeof e?.code === 'string';
}
