import type { AzureClientFactory } from '../clients/AzureClientFactory';
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

/** Is the identity in `keyVaultProperties.identity` still assigned to the registry, and stored as a client id? */
export async function checkIdentity(
    factory: AzureClientFactory,
    registry: RegistrySummary,
    state: CustomerManagedKeyState,
    cache: DiagnosisCache,
    now = new Date(),
): Promise<IdentityCheck> {
    const identity = state.identity;
    const registryId = registry.id;
    switch (identity?.kind) {
        case 'user':
            return {
                kind: 'user',
                principalId: identity.principalId,
                finding: finding('identity', 'ok', 'identityUser', { identity: identity.name, clientId: identity.clientId }),
            };
        case 'system':
            return identity.principalId
                ? {
                      kind: 'system',
                      principalId: identity.principalId,
                      finding: finding('identity', 'ok', 'identitySystem', { principalId: identity.principalId }),
                  }
                : { kind: 'system', finding: finding('identity', 'error', 'systemIdentityDisabled', {}, { kind: 'switchToSystemIdentity', registryId }) };
        case 'principalIdUsed':
            return {
                kind: 'user',
                principalId: identity.principalId,
                finding: finding(
                    'identity',
                    'error',
                    'identityPrincipalIdUsed',
                    { identity: identity.name, principalId: identity.principalId },
                    { kind: 'useClientId', registryId },
                ),
            };
        case 'unassigned': {
            const found = await cache.identityByClientId(factory, identity.clientId);
            if (!found) {
                return {
                    kind: 'user',
                    finding: finding('identity', 'error', 'identityDeleted', { clientId: identity.clientId }, { kind: 'switchToSystemIdentity', registryId }),
                };
            }
            // Removed, not deleted: it keeps working for about three months after the removal, then the registry loses its key.
            const deadline = removedIdentityDeadline(registry, now);
            const params = { identity: found.name, clientId: identity.clientId, until: deadline?.until ?? '' };
            return {
                kind: 'user',
                principalId: found.principalId,
                finding: finding('identity', 'error', deadline?.inactive ? 'identityInactive' : 'identityNotAssigned', params, {
                    kind: 'reassignIdentity',
                    registryId,
                }),
            };
        }
        default:
            return { kind: 'none', finding: finding('identity', 'error', 'identityMissing') };
    }
}
