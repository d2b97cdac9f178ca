import type { Identity } from '@azure/arm-msi';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { parseResourceId, type ResourceRef } from '../util/resourceId';
import { collect } from '../util/collect';
import { unlessNotFound } from './azureErrors';

/** A user-assigned managed identity: the registry stores its client id, Key Vault grants go to its principal id. */
export interface UserIdentityInfo {
    readonly id: string;
    readonly name: string;
    readonly resourceGroup: string;
    readonly subscriptionId: string;
    readonly clientId: string;
    readonly principalId: string;
}

function toUserIdentityInfo(identity: Identity, ref: ResourceRef, id = identity.id ?? ''): UserIdentityInfo {
    const { subscriptionId, resourceGroup } = ref;
    return { id, name: identity.name ?? ref.name, resourceGroup, subscriptionId, clientId: identity.clientId ?? '', principalId: identity.principalId ?? '' };
}

/** One identity as Azure holds it: a missing identity fails with its 404. */
export async function getUserIdentityResource(factory: AzureClientFactory, ref: ResourceRef): Promise<UserIdentityInfo> {
    return toUserIdentityInfo(await (await factory.managedIdentities(ref.subscriptionId)).userAssignedIdentities.get(ref.resourceGroup, ref.name), ref);
}

/** As `getUserIdentityResource`, or undefined when the identity does not exist. */
export function readUserIdentity(factory: AzureClientFactory, ref: ResourceRef): Promise<UserIdentityInfo | undefined> {
    return unlessNotFound(getUserIdentityResource(factory, ref));
}

export async function getUserIdentity(factory: AzureClientFactory, resourceId: string): Promise<UserIdentityInfo> {
    const ref = parseResourceId(resourceId);
    const identity = await readUserIdentity(factory, ref);
    if (!identity) {
        throw new DomainError('UserIdentityNotFound', { identity: ref.name });
    }
    return { ...identity, id: identity.id || resourceId };
}

export async function listUserIdentities(factory: AzureClientFactory, subscriptionId: string): Promise<UserIdentityInfo[]> {
    const identities = await collect((await factory.managedIdentities(subscriptionId)).userAssignedIdentities.listBySubscription());
    return identities
        .filter((identity) => identity.id)
        .map((identity) => toUserIdentityInfo(identity, { ...parseResourceId(identity.id!), subscriptionId, name: '' }))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** Creates (or updates) the identity in `ref`'s resource group. */
export async function createUserIdentity(factory: AzureClientFactory, ref: ResourceRef, location: string): Promise<UserIdentityInfo> {
    return toUserIdentityInfo(
        await (await factory.managedIdentities(ref.subscriptionId)).userAssignedIdentities.createOrUpdate(ref.resourceGroup, ref.name, { location }),
        ref,
    );
}

export async function deleteUserIdentity(factory: AzureClientFactory, ref: ResourceRef): Promise<void> {
    await (await factory.managedIdentities(ref.subscriptionId)).userAssignedIdentities.delete(ref.resourceGroup, ref.name);
}

/** The identity resource behind a client id (to re-assign an encryption identity that was removed from its registry). */
export async function findUserIdentityByClientId(
    factory: AzureClientFactory,
    subscriptionIds: readonly string[],
    clientId: string,
): Promise<UserIdentityInfo | undefined> {
    for (const subscriptionId of subscriptionIds) {
        const found = (await listUserIdentities(factory, subscriptionId)).find((identity) => identity.clientId.toLowerCase() === clientId.toLowerCase());
        if (found) {
            return found;
        }
    }
    return undefined;
}
