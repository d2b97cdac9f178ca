import type { Registry, RegistryUpdateParameters } from '@azure/arm-containerregistry';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { ResourceRef } from '../util/resourceId';
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

/** Told once Azure accepted a long-running change: the poller's serialized state (status URL), to poll it after a restart. */
export type OnOperationAccepted = (serialized: string) => Promise<void>;

export async function createRegistry(factory: AzureClientFactory, ref: ResourceRef, body: Registry, onAccepted?: OnOperationAccepted): Promise<Registry> {
    const poller = (await factory.containerRegistry(ref.subscriptionId)).registries.create(ref.resourceGroup, ref.name, body, factory.pollOptions);
    return tellAccepted(poller, onAccepted);
}

/** One PATCH; the poller ends with a GET of the registry and returns it (or nothing, when the answer has no body). */
export async function updateRegistry(
    factory: AzureClientFactory,
    ref: ResourceRef,
    body: RegistryUpdateParameters,
    onAccepted?: OnOperationAccepted,
): Promise<Registry | undefined> {
    const poller = (await factory.containerRegistry(ref.subscriptionId)).registries.update(ref.resourceGroup, ref.name, body, factory.pollOptions);
    return tellAccepted(poller, onAccepted);
}

/** Polls a registry create or update started by an earlier process to its end (never sends the change again). */
export async function resumeRegistryOperation(factory: AzureClientFactory, subscriptionId: string, serialized: string): Promise<Registry | undefined> {
    const client = await factory.containerRegistry(subscriptionId);
    const { restorePoller } = await import('@azure/arm-containerregistry');
    return restorePoller(client, serialized, client.registries.update, factory.pollOptions);
}

type AcceptedPoller<T> = PromiseLike<T> & { submitted(): Promise<void>; serialize(): Promise<string> };

async function tellAccepted<T>(poller: AcceptedPoller<T>, onAccepted: OnOperationAccepted | undefined): Promise<T> {
    if (onAccepted) {
        await poller.submitted();
        await onAccepted(await poller.serialize());
    }
    return poller;
}

export async function deleteRegistry(factory: AzureClientFactory, ref: ResourceRef): Promise<void> {
    await (await factory.containerRegistry(ref.subscriptionId)).registries.delete(ref.resourceGroup, ref.name, factory.pollOptions);
}

export async function checkRegistryName(factory: AzureClientFactory, subscriptionId: string, name: string) {
    return (await factory.containerRegistry(subscriptionId)).registries.checkNameAvailability({ name, type: 'Microsoft.ContainerRegistry/registries' });
}
