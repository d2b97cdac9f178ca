import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { identityHealth } from '../registries/encryptionHealth';
import type { CustomerManagedKeyState, RegistrySummary } from '../registries/RegistryEncryption';
import type { DiagnosisCache } from './DiagnosisCache';
import { finding, type Finding } from './Finding';
import { removedIdentityDeadline } from './removedIdentity';

export interface IdentityCheck {
    readonly finding: Finding;
    /** The principal Key Vault sees, when it can be known (also for an identity removed from the registry). */
    readonly principalId?: string;
    readonly kind: 'system' | 'user' | 'none';
}

/**
 * The identity finding: the registry's identity health (the model the tree shows) as a finding. Only a removed
 * identity takes a lookup: by its client id, to tell deleted from removed, and removed from already inactive.
 */
export async function checkIdentity(
    factory: AzureClientFactory,
    registry: RegistrySummary,
    state: CustomerManagedKeyState,
    cache: DiagnosisCache,
    now = new Date(),
): Promise<IdentityCheck> {
    const health = identityHealth(state);
    const fix = (kind: 'switchToSystemIdentity' | 'useClientId' | 'reassignIdentity') => ({ kind, registryId: registry.id });
    switch (health.kind) {
        case 'user':
            return {
                kind: 'user',
                principalId: health.principalId,
                finding: finding('identity', 'ok', 'identityUser', { identity: health.name, clientId: health.clientId }),
            };
        case 'system':
            return {
                kind: 'system',
                principalId: health.principalId,
                finding: finding('identity', 'ok', 'identitySystem', { principalId: health.principalId }),
            };
        case 'systemIdentityDisabled':
            return { kind: 'system', finding: finding('identity', 'error', 'systemIdentityDisabled', {}, fix('switchToSystemIdentity')) };
        case 'principalIdUsed': {
            const params = { identity: health.name, principalId: health.principalId };
            return {
                kind: 'user',
                principalId: health.principalId,
                finding: finding('identity', 'error', 'identityPrincipalIdUsed', params, fix('useClientId')),
            };
        }
        case 'notAssigned': {
            const found = await cache.identityByClientId(factory, health.clientId);
            if (!found) {
                return { kind: 'user', finding: finding('identity', 'error', 'identityDeleted', { clientId: health.clientId }, fix('switchToSystemIdentity')) };
            }
            // Removed, not deleted: it keeps working for about three months after the removal, then the registry loses its key.
            const deadline = removedIdentityDeadline(registry, now);
            const params = { identity: found.name, clientId: health.clientId, until: deadline?.until ?? '' };
            const code = deadline?.inactive ? 'identityInactive' : 'identityNotAssigned';
            return { kind: 'user', principalId: found.principalId, finding: finding('identity', 'error', code, params, fix('reassignIdentity')) };
        }
        case 'missing':
            return { kind: 'none', finding: finding('identity', 'error', 'identityMissing') };
    }
}
