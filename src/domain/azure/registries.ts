import type { Registry, RegistryUpdateParameters } from '@azure/arm-containerregistry';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { ResourceRef } from '../registries/resourceId';
import { unlessNotFound } from './azureErrors';

// Container registries (Microsoft.ContainerRegistry/registries). Long-running calls wait for their operation.

/** One registry, or undefined when it does not exist. */
export async function readRegistry(factory: AzureClientFactory, ref: ResourceRef): Promise<Registry | undefined> {
    return unlessNotFound((await factory.containerRegistry(ref.subscriptionId)).registries.get(ref.resourceGroup, ref.name));
}

/** Every registry of the subscription (one paged list; the encryption settings come with it). */
export async function* registriesIn(factory: AzureClientFactory, subscriptionId: string): AsyncIterable<Registry> {
    yield* (await factory.containerRegistry(subscriptionId)).registries.list();
}

export async function createRegistry(factory: AzureClientFactory, ref: ResourceRef, body: Registry): Promise<Registry> {
    return (await factory.containerRegistry(ref.subscriptionId)).registries.create(ref.resourceGroup, ref.name, body, factory.pollOptions);
}

/** One PATCH; the poller ends with a GET of the registry and returns it (or nothing, when the answer has no body). */
export async function updateRegistry(factory: AzureClientFactory, ref: ResourceRef, body: RegistryUpdateParameters): Promise<Registry | undefined> {
    return (await factory.containerRegistry(ref.subscriptionId)).registries.update(ref.resourceGroup, ref.name, body, factory.pollOptions);
}

export async function deleteRegistry(factory: AzureClientFactory, ref: ResourceRef): Promise<void> {
    await (await factory.containerRegistry(ref.subscriptionId)).registries.delete(ref.resourceGroup, ref.name, factory.pollOptions);
}

export async function checkRegistryName(factory: AzureClientFactory, subscriptionId: string, name: string) {
    return (await factory.containerRegistry(subscriptionId)).registries.checkNameAvailability({ name, type: 'Microsoft.ContainerRegistry/registries' });
}
