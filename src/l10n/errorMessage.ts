import { isDomainError } from '../domain/errors';
import { domainErrorMessage } from './domainErrorMessage';

/** The text shown to users for any error: localized for domain errors, the SDK's own message otherwise. */
export function errorMessage(error: unknown): string {
    if (isDomainError(error)) {
        return domainErrorMessage(error);
    }
    if (error instanceof Error) {
        return error.message;
    }
    return String(error);
}
