import { connectionProblem } from '../domain/cloud/connectionProblem';
import { isDomainError } from '../domain/errors';
import { domainErrorMessage } from './domainErrorMessage';

/** The text shown to users for any error: localized for domain errors and recognized connection failures, the SDK's own message otherwise. */
export function errorMessage(error: unknown): string {
    if (isDomainError(error)) {
        return domainErrorMessage(error);
    }
    const connection = connectionProblem(error);
    if (connection) {
        return domainErrorMessage(connection);
    }
    if (error instanceof Error) {
        return error.message;
    }
    return String(error);
}
