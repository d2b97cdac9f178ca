import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { parseResourceId } from '../registries/resourceId';
import { isNotFound } from './azureErrors';

/** A user-assigned managed identity: the registry stores its client id, Key Vault grants go to its principal id. */
export interface UserIdentityInfo {
    readonly id: string;
    readonly name: string;
    readonly resourceGroup: string;
    readonly subscriptionId: string;
    readonly clientId: string;
    readonly principalId: string;
}

export async function getUserIdentity(factory: AzureClientFactory, resourceId: string): Promise<UserIdentityInfo> {
    const { subscriptionId, resourceGroup, name } = parseResourceId(resourceId);
    const client = await factory.managedIdentities(subscriptionId);
    try {
        const identity = await client.userAssignedIdentities.get(resourceGroup, name);
        return { id: identity.id ?? resourceId, name: identity.name ?? name, resourceGroup, subscriptionId, clientId: identity.clientId ?? '', principalId: identity.principalId ?? '' };
    } catch (error) {
        if (isNotFound(error)) {
            throw new DomainError('UserIdentityNotFound', { identity: name });
        }
        throw error;
    }
}

export async function listUserIdentities(factory: AzureClientFactory, subscriptionId: string): Promise<UserIdentityInfo[]> {
    const client = await factory.managedIdentities(subscriptionId);
    const identities: UserIdentityInfo[] = [];
    for await (const identity of client.userAssignedIdentities.listBySubscription()) {
        if (identity.id) {
            const { resourceGroup } = parseResourceId(identity.id);
            identities.push({ id: identity.id, name: identity.name ?? '', resourceGroup, subscriptionId, clientId: identity.clientId ?? '', principalId: identity.principalId ?? '' });
        }
    }
    return identities.sort((a, b) => a.name.localeCompare(b.name));
}

/** The identity resource behind a client id (to re-assign an encryption identity that was removed from its registry). */
export async function findUserIdentityByClientId(factory: AzureClientFactory, subscriptionIds: readonly string[], clientId: string): Promise<UserIdentityInfo | undefined> {
    for (const subscriptionId of subscriptionIds) {
        const found = (await listUserIdentities(factory, subscriptionId)).find((identity) => identity.clientId.toLowerCase() === clientId.toLowerCase());
        if (found) {
            return found;
        }
    }
    return undefined;
}
