import type { CustomerManagedKeyState, EncryptionState } from './RegistryEncryption';

/**
 * How the identity a customer-managed-key registry reaches its key with stands, read from the registry's own
 * properties (no other request). The one classification the tree, Diagnose and Rotate all branch on; each adds only
 * what it alone learns (Diagnose: whether a removed identity still exists and how long it keeps working).
 */
export type IdentityHealth =
    /** `keyVaultProperties.identity` is `system` and the registry's system-assigned identity is on. */
    | { readonly kind: 'system'; readonly principalId: string }
    /** The client id of a user-assigned identity assigned to the registry. */
    | { readonly kind: 'user'; readonly resourceId: string; readonly name: string; readonly clientId: string; readonly principalId?: string }
    /** `system`, but the registry has no system-assigned identity enabled. */
    | { readonly kind: 'systemIdentityDisabled' }
    /** The principal id of an assigned identity where its client id belongs (a known Azure CLI pitfall). */
    | { readonly kind: 'principalIdUsed'; readonly principalId: string; readonly resourceId: string; readonly name: string }
    /** A client id no assigned identity has: the identity was removed from the registry (or deleted). */
    | { readonly kind: 'notAssigned'; readonly clientId: string }
    /** No identity at all. */
    | { readonly kind: 'missing' };

export type IdentityProblem = Exclude<IdentityHealth, { readonly kind: 'system' | 'user' }>;

/** Problems visible from the registry's own properties: what the tree flags at a glance. */
export type EncryptionProblem = { readonly kind: 'keyIdentifierInvalid'; readonly keyIdentifier: string } | IdentityProblem;

export function identityHealth(state: CustomerManagedKeyState): IdentityHealth {
    const identity = state.identity;
    switch (identity?.kind) {
        case undefined:
            return { kind: 'missing' };
        case 'system':
            return identity.principalId ? { kind: 'system', principalId: identity.principalId } : { kind: 'systemIdentityDisabled' };
        case 'unassigned':
            return { kind: 'notAssigned', clientId: identity.clientId };
        case 'user':
        case 'principalIdUsed':
            return identity; // read the same in both
    }
}

export function isIdentityProblem(health: IdentityHealth): health is IdentityProblem {
    return health.kind !== 'system' && health.kind !== 'user';
}

export function findEncryptionProblems(state: EncryptionState): EncryptionProblem[] {
    if (state.status !== 'enabled') {
        return [];
    }
    const problems: EncryptionProblem[] = [];
    if (state.keyError) {
        problems.push({ kind: 'keyIdentifierInvalid', keyIdentifier: state.keyIdentifier });
    }
    const identity = identityHealth(state);
    if (isIdentityProblem(identity)) {
        problems.push(identity);
    }
    return problems;
}

/** `cmk`, `cmkProblem` or `none`: drives icon, colour and menus. */
export function encryptionHealth(state: EncryptionState): 'cmk' | 'cmkProblem' | 'none' {
    if (state.status !== 'enabled') {
        return 'none';
    }
    return findEncryptionProblems(state).length > 0 ? 'cmkProblem' : 'cmk';
}
