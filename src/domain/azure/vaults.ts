import type { AccessPolicyEntry, AccessPolicyUpdateKind, DeletedVault, Vault, VaultCreateOrUpdateParameters, VaultPatchProperties } from '@azure/arm-keyvault';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { ResourceRef } from '../util/resourceId';
import { unlessNotFound } from './azureErrors';

// Key vaults on the management plane (Microsoft.KeyVault/vaults), their access policies and their soft-deleted remains.

/** One vault as Azure holds it: a missing vault fails with its 404. */
export async function getVaultResource(factory: AzureClientFactory, ref: ResourceRef): Promise<Vault> {
    return (await factory.keyVaultManagement(ref.subscriptionId)).vaults.get(ref.resourceGroup, ref.name);
}

/** As `getVaultResource`, or undefined when the vault does not exist. */
export function readVault(factory: AzureClientFactory, ref: ResourceRef): Promise<Vault | undefined> {
    return unlessNotFound(getVaultResource(factory, ref));
}

export async function* vaultsIn(factory: AzureClientFactory, subscriptionId: string): AsyncIterable<Vault> {
    yield* (await factory.keyVaultManagement(subscriptionId)).vaults.listBySubscription();
}

export async function* deletedVaultsIn(factory: AzureClientFactory, subscriptionId: string): AsyncIterable<DeletedVault> {
    yield* (await factory.keyVaultManagement(subscriptionId)).vaults.listDeleted();
}

export async function createVault(factory: AzureClientFactory, ref: ResourceRef, body: VaultCreateOrUpdateParameters): Promise<Vault> {
    return (await factory.keyVaultManagement(ref.subscriptionId)).vaults.createOrUpdate(ref.resourceGroup, ref.name, body, factory.pollOptions);
}

/** A PATCH of the given properties only; the rest of the vault stays as it is. */
export async function updateVault(factory: AzureClientFactory, ref: ResourceRef, properties: VaultPatchProperties): Promise<Vault> {
    return (await factory.keyVaultManagement(ref.subscriptionId)).vaults.update(ref.resourceGroup, ref.name, { properties });
}

/** Deletes the vault (Azure keeps it soft-deleted for its retention period). */
export async function deleteVault(factory: AzureClientFactory, ref: ResourceRef): Promise<void> {
    await (await factory.keyVaultManagement(ref.subscriptionId)).vaults.delete(ref.resourceGroup, ref.name);
}

export async function checkVaultName(factory: AzureClientFactory, subscriptionId: string, name: string) {
    return (await factory.keyVaultManagement(subscriptionId)).vaults.checkNameAvailability({ name, type: 'Microsoft.KeyVault/vaults' });
}

/** `accessPolicies/add` merges the permissions into the object id's policy, `remove` takes exactly these away. */
export async function updateAccessPolicy(
    factory: AzureClientFactory,
    ref: ResourceRef,
    kind: AccessPolicyUpdateKind,
    policy: AccessPolicyEntry,
): Promise<void> {
    await (
        await factory.keyVaultManagement(ref.subscriptionId)
    ).vaults.updateAccessPolicy(ref.resourceGroup, ref.name, kind, { properties: { accessPolicies: [policy] } });
}
