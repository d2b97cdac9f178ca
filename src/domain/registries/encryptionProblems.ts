import type { EncryptionState } from './RegistryEncryption';

/** Problems visible from the registry's own properties (no Key Vault call): what the tree flags at a glance. */
export type EncryptionProblem = 'keyIdentifierInvalid' | 'identityMissing' | 'identityNotAssigned' | 'principalIdInsteadOfClientId' | 'systemIdentityDisabled';

export function findEncryptionProblems(state: EncryptionState): EncryptionProblem[] {
    if (state.status !== 'enabled') {
        return [];
    }
    const problems: EncryptionProblem[] = [];
    if (state.keyError) {
        problems.push('keyIdentifierInvalid');
    }
    const identity = state.identity;
    if (!identity) {
        problems.push('identityMissing');
    } else if (identity.kind === 'unassigned') {
        problems.push('identityNotAssigned');
    } else if (identity.kind === 'principalIdUsed') {
        problems.push('principalIdInsteadOfClientId');
    } else if (identity.kind === 'system' && !identity.principalId) {
        problems.push('systemIdentityDisabled');
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
