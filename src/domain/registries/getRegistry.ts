import { readRegistry } from '../azure/registries';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { formatEncryptionShow } from './encryptionShow';
import { toRegistrySummary, type RegistrySummary } from './RegistryEncryption';
import { parseResourceId } from '../util/resourceId';

/** Reads one registry by resource id (one GET). A 404 becomes a structured `RegistryNotFound`. */
export async function getRegistry(factory: AzureClientFactory, registryId: string): Promise<RegistrySummary> {
    const ref = parseResourceId(registryId);
    const registry = await readRegistry(factory, ref);
    if (!registry) {
        throw new DomainError('RegistryNotFound', { registry: ref.name, resourceGroup: ref.resourceGroup });
    }
    return toRegistrySummary(registry, factory.cloud);
}

/** Like `az acr encryption show`: the current encryption JSON of one registry, read fresh from ARM. */
export async function showRegistryEncryption(factory: AzureClientFactory, registryId: string): Promise<string> {
    return formatEncryptionShow((await getRegistry(factory, registryId)).raw);
}
