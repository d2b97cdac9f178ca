import { removeGrant } from '../access/encryptionAccess';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { parseKeyIdentifier } from '../keys/keyIdentifier';
import { parseResourceId } from '../registries/resourceId';
import { isNotFound } from '../azure/azureErrors';
import type { CreateRunState } from './CreateRunState';
import { pollOptions } from './steps/StepContext';

/**
 * Deletes only what this run created, newest first: registry, key, grants, vault, identity, resource group.
 * Pre-existing things stay untouched; purge protection turned on by the run cannot be turned off (Azure's rule).
 * A vault the run created is soft-deleted (its purge protection keeps the name reserved for the retention period).
 */
export async function cleanupCreate(factory: AzureClientFactory, state: CreateRunState): Promise<void> {
    const ignoreMissing = (error: unknown): void => {
        if (!isNotFound(error)) {
            throw error;
        }
    };
    if (state.registry?.createdByRun) {
        const { subscriptionId, resourceGroup, name } = parseResourceId(state.registry.id);
        await (await factory.containerRegistry(subscriptionId)).registries.delete(resourceGroup, name, pollOptions(factory)).then(() => undefined, ignoreMissing);
        state.registry = undefined;
    }
    const vault = state.vault;
    if (state.key?.createdByRun && vault && !vault.createdByRun) {
        const keys = await factory.keys(vault.info.vaultUri);
        const poller = await keys.beginDeleteKey(parseKeyIdentifier(state.key.versionedId, factory.cloud).keyName).catch(ignoreMissing);
        await poller?.pollUntilDone();
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
        await (await factory.keyVaultManagement(vault.info.subscriptionId)).vaults.delete(vault.info.resourceGroup, vault.info.name).catch(ignoreMissing);
        state.vault = undefined;
    }
    if (state.identity?.createdByRun) {
        const { subscriptionId, resourceGroup, name } = parseResourceId(state.identity.id);
        await (await factory.managedIdentities(subscriptionId)).userAssignedIdentities.delete(resourceGroup, name).catch(ignoreMissing);
        state.identity = undefined;
    }
    if (state.resourceGroup?.createdByRun) {
        const name = state.resourceGroup.id.split('/').pop() ?? '';
        const subscriptionId = state.resourceGroup.id.split('/')[2] ?? '';
        await (await factory.resources(subscriptionId)).resourceGroups.delete(name, pollOptions(factory)).then(() => undefined, ignoreMissing);
        state.resourceGroup = undefined;
    }
    state.completed.length = 0;
}
