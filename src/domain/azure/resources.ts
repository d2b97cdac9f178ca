import type { GenericResource, GenericResourceExpanded } from '@azure/arm-resources';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { unlessNotFound } from './azureErrors';

// Any resource by its id or its type (Resource Manager's generic resources API), at the api-version its type takes.

/** The subscription's resources of one type (`Microsoft.KeyVault/vaults`): one filtered, paged list. */
export async function* resourcesOfType(factory: AzureClientFactory, subscriptionId: string, resourceType: string): AsyncIterable<GenericResourceExpanded> {
    yield* (await factory.resources(subscriptionId)).resources.list({ filter: `resourceType eq '${resourceType}'` });
}

/** The resource, or undefined when it does not exist. */
export async function readResourceById(
    factory: AzureClientFactory,
    subscriptionId: string,
    id: string,
    apiVersion: string,
): Promise<GenericResource | undefined> {
    return unlessNotFound((await factory.resources(subscriptionId)).resources.getById(id, apiVersion));
}

export async function deleteResourceById(factory: AzureClientFactory, subscriptionId: string, id: string, apiVersion: string): Promise<void> {
    await (await factory.resources(subscriptionId)).resources.deleteById(id, apiVersion);
}
