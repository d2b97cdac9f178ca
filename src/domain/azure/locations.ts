import type { AzureClientFactory } from '../clients/AzureClientFactory';

export interface LocationInfo {
    /** `westeurope`: what requests carry. */
    readonly name: string;
    /** `West Europe`: what people read. */
    readonly displayName: string;
}

/** The Azure regions the subscription can use, by display name. */
export async function listLocations(factory: AzureClientFactory, subscriptionId: string): Promise<LocationInfo[]> {
    const client = await factory.subscriptions();
    const locations: LocationInfo[] = [];
    for await (const location of client.subscriptions.listLocations(subscriptionId)) {
        if (location.name) {
            locations.push({ name: location.name, displayName: location.displayName ?? location.name });
        }
    }
    return locations.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
