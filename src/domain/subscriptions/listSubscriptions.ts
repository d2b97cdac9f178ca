import { subscriptionsVisible } from '../azure/subscriptions';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { collect } from '../util/collect';

export interface SubscriptionInfo {
    readonly subscriptionId: string;
    readonly name: string;
    readonly tenantId?: string;
}

/** Lists the subscriptions the connection's principal can see (enabled and warned ones; disabled ones cannot hold registries we can read). */
export async function listSubscriptions(factory: AzureClientFactory): Promise<SubscriptionInfo[]> {
    return (await collect(subscriptionsVisible(factory)))
        .filter((subscription) => subscription.subscriptionId && !/^(disabled|deleted)$/i.test(subscription.state ?? ''))
        .map(({ subscriptionId, displayName, tenantId }) => ({ subscriptionId: subscriptionId!, name: displayName ?? subscriptionId!, tenantId }))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Applies a subscription filter like the Azure sidebar's `azureResourceGroups.selectedSubscriptions`
 * (entries `tenantId/subscriptionId`, or a bare subscription id). An empty filter keeps everything.
 */
export function applySubscriptionFilter<T extends SubscriptionInfo>(subscriptions: readonly T[], filter: readonly string[]): T[] {
    const wanted = filter.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry.length > 0);
    if (wanted.length === 0) {
        return [...subscriptions];
    }
    return subscriptions.filter((subscription) =>
        wanted.some((entry) => {
            const [first, second] = entry.split('/');
            return second === undefined
                ? first === subscription.subscriptionId.toLowerCase()
                : second === subscription.subscriptionId.toLowerCase() && (!subscription.tenantId || first === subscription.tenantId.toLowerCase());
        }),
    );
}
