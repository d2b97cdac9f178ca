import type { RegistrySummary } from '../registries/RegistryEncryption';
import type { EncryptionSnapshot } from './RotationPlan';

/** The registry's `keyVaultProperties` for before/after summaries and for "was it switched?" checks. */
export function encryptionSnapshot(registry: RegistrySummary): EncryptionSnapshot {
    const state = registry.encryption;
    if (state.status !== 'enabled') {
        return { keyIdentifier: '', identity: '', identityName: '' };
    }
    const identity = state.identity;
    const identityName =
        identity?.kind === 'system'
            ? 'system'
            : identity?.kind === 'user' || identity?.kind === 'principalIdUsed'
              ? identity.name
              : identity?.kind === 'unassigned'
                ? identity.clientId
                : '';
    const stored = registry.raw.encryption?.keyVaultProperties?.identity ?? '';
    return { keyIdentifier: state.keyIdentifier, versionedKeyIdentifier: state.versionedKeyIdentifier, identity: stored, identityName };
}

/** Same key id (as configured) and same identity value, compared as Azure does (case-insensitively). */
export function sameEncryption(a: Pick<EncryptionSnapshot, 'keyIdentifier' | 'identity'>, b: Pick<EncryptionSnapshot, 'keyIdentifier' | 'identity'>): boolean {
    return a.keyIdentifier.toLowerCase() === b.keyIdentifier.toLowerCase() && a.identity.toLowerCase() === b.identity.toLowerCase();
}
