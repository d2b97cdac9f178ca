import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { identityHealth } from '../registries/encryptionHealth';
import { hasIdentityType } from '../registries/identity';
import type { CustomerManagedKeyState, RegistrySummary } from '../registries/RegistryEncryption';
import type { PlannedIdentity } from './RotationPlan';
import type { IdentityChoice } from './RotationRequest';
import { findUserIdentityByClientId, getUserIdentity, type UserIdentityInfo } from '../azure/userIdentities';

export interface ResolvedIdentity {
    readonly identity: PlannedIdentity;
    /** Set when the kept encryption identity was removed from the registry and must be re-assigned first. */
    readonly reassignIdentityId?: string;
}

/** Turns the user's identity choice into what the registry will use, reading the identity resource when needed. */
export async function resolvePlannedIdentity(
    factory: AzureClientFactory,
    registry: RegistrySummary,
    state: CustomerManagedKeyState,
    choice: IdentityChoice,
    subscriptionIds: readonly string[],
): Promise<ResolvedIdentity> {
    if (choice.kind === 'user') {
        const info = await getUserIdentity(factory, choice.resourceId);
        return { identity: userIdentity(info, isAssigned(registry, info.id)) };
    }
    if (choice.kind === 'system') {
        return { identity: systemIdentity(registry) };
    }
    // Keep: what the kept identity needs follows from its health, the same model the tree and Diagnose read.
    const kept = identityHealth(state);
    switch (kept.kind) {
        case 'system':
        case 'systemIdentityDisabled':
            return { identity: systemIdentity(registry) };
        case 'user':
        case 'principalIdUsed': {
            // A principal id stored where the client id belongs is fixed on the way: the switch writes the client id.
            return { identity: userIdentity(await getUserIdentity(factory, kept.resourceId), true) };
        }
        case 'notAssigned': {
            // The field pitfall: the encryption identity was removed from the registry; Azure then rejects every key update.
            const found = await findUserIdentityByClientId(factory, subscriptionIds, kept.clientId);
            if (!found) {
                throw new DomainError('EncryptionIdentityDeleted', { registry: registry.name, clientId: kept.clientId });
            }
            return { identity: userIdentity(found, false), reassignIdentityId: found.id };
        }
        case 'missing':
            throw new DomainError('EncryptionIdentityMissing', { registry: registry.name });
    }
}

/** The registry's system-assigned identity as planned: enabled or not (then the rotation enables it first). */
function systemIdentity(registry: RegistrySummary): PlannedIdentity {
    const current = registry.raw.identity;
    const enabled = hasIdentityType(current, 'SystemAssigned') && !!current?.principalId;
    return { kind: 'system', enabled, principalId: enabled ? current?.principalId : undefined };
}

function userIdentity(info: UserIdentityInfo, assigned: boolean): PlannedIdentity {
    return { kind: 'user', resourceId: info.id, name: info.name, clientId: info.clientId, principalId: info.principalId, assigned };
}

function isAssigned(registry: RegistrySummary, identityId: string): boolean {
    return Object.keys(registry.raw.identity?.userAssignedIdentities ?? {}).some((id) => id.toLowerCase() === identityId.toLowerCase());
}

/** The value `keyVaultProperties.identity` takes: the client id of a user-assigned identity, or `system`. */
export function encryptionIdentityValue(identity: PlannedIdentity): string {
    return identity.kind === 'system' ? 'system' : identity.clientId;
}
