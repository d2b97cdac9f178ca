import type { ResourceGroup } from '@azure/arm-resources';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { unlessNotFound } from './azureErrors';

// Resource groups (Microsoft.Resources/resourceGroups).

export async function* resourceGroupsIn(factory: AzureClientFactory, subscriptionId: string): AsyncIterable<ResourceGroup> {
    yield* (await factory.resources(subscriptionId)).resourceGroups.list();
}

/** The group, or undefined when it does not exist. */
export async function readResourceGroup(factory: AzureClientFactory, subscriptionId: string, name: string): Promise<ResourceGroup | undefined> {
    return unlessNotFound((await factory.resources(subscriptionId)).resourceGroups.get(name));
}

/** `HEAD` of the group: whether it exists. */
export async function resourceGroupExists(factory: AzureClientFactory, subscriptionId: string, name: string): Promise<boolean> {
    return (await (await factory.resources(subscriptionId)).resourceGroups.checkExistence(name)).body;
}

export async function createResourceGroup(factory: AzureClientFactory, subscriptionId: string, name: string, location: string): Promise<ResourceGroup> {
    return (await factory.resources(subscriptionId)).resourceGroups.createOrUpdate(name, { location });
}

/** Deletes the group with everything in it, and waits until it is gone. */
export async function deleteResourceGroup(factory: AzureClientFactory, subscriptionId: string, name: string): Promise<void> {
    await (await factory.resources(subscriptionId)).resourceGroups.delete(name, factory.pollOptions);
}
