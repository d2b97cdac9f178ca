import type { DomainError } from '../../domain/errors';
import { domainErrorMessage } from '../../l10n/domainErrorMessage';

/** `validateInput` wants a message or undefined: the domain's rule check, localized. */
export function validationMessage(problem: DomainError | undefined): string | undefined {
    return problem ? domainErrorMessage(problem) : undefined;
}
