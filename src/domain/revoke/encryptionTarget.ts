import { lookUpVault } from '../access/getVault';
import type { VaultInfo } from '../access/VaultInfo';
import type { KeyLookup, KeyVersionState } from '../access/keyState';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { uniqueIds } from '../util/uniqueIds';
import type { KeyIdentifier } from '../keys/keyIdentifier';
import { getRegistry } from '../registries/getRegistry';
import type { CustomerManagedKeyState, RegistrySummary } from '../registries/RegistryEncryption';
import { requireCmk } from '../rotate/planRotation';
import { findUserIdentityByClientId } from '../azure/userIdentities';

/** A CMK registry with the vault of its key and the principal id of the identity it reaches the key with. */
export interface EncryptionTarget {
    readonly registry: RegistrySummary;
    readonly state: CustomerManagedKeyState;
    readonly key: KeyIdentifier;
    readonly vault: VaultInfo;
    /** Undefined when the identity cannot be resolved (system identity turned off, identity deleted). */
    readonly principalId?: string;
    readonly subscriptionIds: readonly string[];
}

export async function resolveEncryptionTarget(
    factory: AzureClientFactory,
    registryId: string,
    subscriptionIds: readonly string[] = [],
): Promise<EncryptionTarget> {
    const registry = await getRegistry(factory, registryId);
    const state = requireCmk(registry);
    const subscriptions = uniqueIds([registry.subscriptionId, ...subscriptionIds]);
    const vault = await findVaultOrExplain(factory, subscriptions, state.keyIdentifier, state.key!.vaultName);
    const principalId = await encryptionPrincipalId(factory, state, subscriptions);
    return { registry, state, key: state.key!, vault, principalId, subscriptionIds: subscriptions };
}

/** The key version the registry uses, as looked up: one not there (soft-deleted or gone) is `KeyNotFound`. */
export function inUseVersion({ key, vault }: EncryptionTarget, inUse: KeyLookup): KeyVersionState {
    if (inUse.kind !== 'found') {
        throw new DomainError('KeyNotFound', { key: key.keyName, vault: vault.name });
    }
    return inUse.state;
}

/** The vault of a key; a vault that was deleted but can still be recovered becomes `VaultSoftDeleted`, which says how. */
export async function findVaultOrExplain(
    factory: AzureClientFactory,
    subscriptionIds: readonly string[],
    keyId: string,
    vaultName: string,
): Promise<VaultInfo> {
    const lookup = await lookUpVault(factory, subscriptionIds, keyId);
    if (lookup.kind === 'found') {
        return lookup.vault;
    }
    if (lookup.kind === 'softDeleted') {
        const { name, location, subscriptionId, scheduledPurgeDate } = lookup.deleted;
        throw new DomainError('VaultSoftDeleted', { vault: name, location, subscriptionId, purgeDate: scheduledPurgeDate?.toISOString().slice(0, 10) ?? '' });
    }
    throw new DomainError('VaultNotFoundForKey', { keyId, vault: vaultName });
}

/** The principal (object) id Key Vault sees when the registry uses its key (a removed identity's looked up by its client id). */
export async function encryptionPrincipalId(
    factory: AzureClientFactory,
    state: CustomerManagedKeyState,
    subscriptionIds: readonly string[],
): Promise<string | undefined> {
    const identity = state.identity;
    return identity?.kind === 'unassigned' ? (await findUserIdentityByClientId(factory, subscriptionIds, identity.clientId))?.principalId : principalOf(state);
}

/** The principal id the registry's encryption identity states, without a lookup. */
export function principalOf(state: CustomerManagedKeyState): string | undefined {
    const identity = state.identity;
    return identity?.kind === 'user' || identity?.kind === 'system' || identity?.kind === 'principalIdUsed' ? identity.principalId : undefined;
}
