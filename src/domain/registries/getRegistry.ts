import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { formatEncryptionShow } from './encryptionShow';
import { toRegistrySummary, type RegistrySummary } from './RegistryEncryption';
import { parseResourceId } from './resourceId';
import { isNotFound } from '../azure/azureErrors';

/** Reads one registry by resource id (one GET). A 404 becomes a structured `RegistryNotFound`. */
export async function getRegistry(factory: AzureClientFactory, registryId: string): Promise<RegistrySummary> {
    const { subscriptionId, resourceGroup, name } = parseResourceId(registryId);
    const client = await factory.containerRegistry(subscriptionId);
    try {
        return toRegistrySummary(await client.registries.get(resourceGroup, name), factory.cloud);
    } catch (error) {
        if (isNotFound(error)) {
            throw new DomainError('RegistryNotFound', { registry: name, resourceGroup });
        }
        throw error;
    }
}

/** Like `az acr encryption show`: the current encryption JSON of one registry, read fresh from ARM. */
export async function showRegistryEncryption(factory: AzureClientFactory, registryId: string): Promise<string> {
    return formatEncryptionShow((await getRegistry(factory, registryId)).raw);
}
