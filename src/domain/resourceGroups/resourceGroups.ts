import { createResourceGroup, resourceGroupExists, resourceGroupsIn } from '../azure/resourceGroups';
import type { AzureClientFactory } from '../clients/AzureClientFactory';

export interface ResourceGroupInfo {
    readonly name: string;
    readonly location?: string;
}

/** The subscription's resource groups, by name. */
export async function listResourceGroups(factory: AzureClientFactory, subscriptionId: string): Promise<ResourceGroupInfo[]> {
    const groups: ResourceGroupInfo[] = [];
    for await (const group of resourceGroupsIn(factory, subscriptionId)) {
        if (group.name) {
            groups.push({ name: group.name, location: group.location });
        }
    }
    return groups.sort((a, b) => a.name.localeCompare(b.name));
}

/** Creates the resource group when it does not exist yet (a group that exists is left as it is); true when it was created. */
export async function ensureResourceGroup(factory: AzureClientFactory, subscriptionId: string, name: string, location: string): Promise<boolean> {
    if (await resourceGroupExists(factory, subscriptionId, name)) {
        return false;
    }
    await createResourceGroup(factory, subscriptionId, name, location);
    return true;
}
