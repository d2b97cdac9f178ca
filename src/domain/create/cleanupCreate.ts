import { removeGrant } from '../access/encryptionAccess';
import { unlessNotFound } from '../azure/azureErrors';
import { deleteRegistry } from '../azure/registries';
import { deleteResourceGroup } from '../azure/resourceGroups';
import { deleteUserIdentity } from '../azure/userIdentities';
import { deleteVaultKey } from '../azure/vaultKeyChanges';
import { deleteVault } from '../azure/vaults';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { parseKeyIdentifier } from '../keys/keyIdentifier';
import { parseResourceId } from '../util/resourceId';
import type { CreateRunState } from './CreateRunState';

/**
 * Deletes only what this run created, newest first: registry, key, grants, vault, identity, resource group.
 * Pre-existing things stay untouched; purge protection turned on by the run cannot be turned off (Azure's rule).
 * A vault the run created is soft-deleted (its purge protection keeps the name reserved for the retention period).
 * Something already gone counts as deleted.
 */
export async function cleanupCreate(factory: AzureClientFactory, state: CreateRunState): Promise<void> {
    if (state.registry?.createdByRun) {
        await unlessNotFound(deleteRegistry(factory, parseResourceId(state.registry.id)));
        state.registry = undefined;
    }
    const vault = state.vault;
    if (state.key?.createdByRun && vault && !vault.createdByRun) {
        await deleteVaultKey(factory, vault.info.vaultUri, parseKeyIdentifier(state.key.versionedId, factory.cloud).keyName);
    }
    state.key = undefined;
    if (vault && !vault.createdByRun) {
        // Grants on someone else's vault are removed one by one; a vault this run created goes away whole.
        for (const grant of [state.encryptionGrant, state.keyManagementGrant]) {
            if (grant) {
                await removeGrant(factory, vault.info, grant);
            }
        }
    }
    state.encryptionGrant = undefined;
    state.keyManagementGrant = undefined;
    if (vault?.createdByRun) {
        await unlessNotFound(deleteVault(factory, vault.info));
        state.vault = undefined;
    }
    if (state.identity?.createdByRun) {
        await unlessNotFound(deleteUserIdentity(factory, parseResourceId(state.identity.id)));
        state.identity = undefined;
    }
    if (state.resourceGroup?.createdByRun) {
        const [, , subscriptionId = '', , name = ''] = state.resourceGroup.id.split('/');
        await unlessNotFound(deleteResourceGroup(factory, subscriptionId, name));
        state.resourceGroup = undefined;
    }
    state.completed.length = 0;
}
