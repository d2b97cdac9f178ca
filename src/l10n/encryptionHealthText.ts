import * as vscode from 'vscode';
import type { EncryptionProblem } from '../domain/registries/encryptionHealth';

// One sentence per fact of a registry's encryption health. The tree's tooltip, Diagnose's identity findings and the
// domain errors that state one of these facts read it here, and add their own sentence only for what they alone say
// (a deadline, a next step).

export function keyIdentifierUnreadableText(keyId: string): string {
    return vscode.l10n.t('The key identifier "{0}" cannot be read for the configured cloud.', keyId);
}

export function identityMissingText(): string {
    return vscode.l10n.t('No identity is configured for the registry to reach its key.');
}

export function systemIdentityDisabledText(): string {
    return vscode.l10n.t('Encryption uses the system-assigned identity, but the registry has none enabled.');
}

export function principalIdUsedText(principalId: string, identity: string): string {
    return vscode.l10n.t({
        message: 'The encryption identity is set to the principal ID {0} of "{1}"; it must be the identity\'s client ID.',
        args: [principalId, identity],
        comment: ['{0}: a principal ID (GUID)', '{1}: a managed identity name'],
    });
}

/** The field pitfall: the encryption identity was removed from the registry (or deleted: only a lookup tells). */
export function identityNotAssignedText(clientId: string): string {
    return vscode.l10n.t('The identity used for encryption (client ID {0}) is no longer assigned to the registry.', clientId);
}

export function identityDeletedText(clientId: string): string {
    return vscode.l10n.t('The identity used for encryption (client ID {0}) no longer exists.', clientId);
}

/** A fact sentence followed by what one place adds to it; the joiner is localized (Chinese puts no space between sentences). */
export function thenSentence(fact: string, more: string): string {
    return vscode.l10n.t({ message: '{0} {1}', args: [fact, more], comment: ['{0}: a sentence', '{1}: the sentence that follows it'] });
}

/** A problem the tree flags from the registry's own properties. */
export function encryptionProblemText(problem: EncryptionProblem): string {
    switch (problem.kind) {
        case 'keyIdentifierInvalid':
            return keyIdentifierUnreadableText(problem.keyIdentifier);
        case 'missing':
            return identityMissingText();
        case 'notAssigned':
            return identityNotAssignedText(problem.clientId);
        case 'principalIdUsed':
            return principalIdUsedText(problem.principalId, problem.name);
        case 'systemIdentityDisabled':
            return systemIdentityDisabledText();
    }
}
