import { registriesIn } from '../azure/registries';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { defaultListConcurrency } from '../clients/ClientOptions';
import { collect } from '../util/collect';
import { mapWithConcurrency } from '../util/mapWithConcurrency';
import { toRegistrySummary, type RegistrySummary } from './RegistryEncryption';

/** One paged `registries.list` for the subscription; the encryption state comes with it (no per-registry call). */
export async function listRegistriesInSubscription(factory: AzureClientFactory, subscriptionId: string): Promise<RegistrySummary[]> {
    const registries = (await collect(registriesIn(factory, subscriptionId))).map((registry) => toRegistrySummary(registry, factory.cloud));
    return registries.sort((a, b) => a.name.localeCompare(b.name));
}

export interface SubscriptionTarget {
    readonly subscriptionId: string;
    readonly factory: AzureClientFactory;
}

export type SubscriptionRegistries =
    | { readonly subscriptionId: string; readonly registries: RegistrySummary[]; readonly error?: undefined }
    | { readonly subscriptionId: string; readonly registries?: undefined; readonly error: unknown };

/** Lists every subscription concurrently (bounded); one failing subscription does not hide the others. */
export function listRegistriesInSubscriptions(targets: readonly SubscriptionTarget[], concurrency = defaultListConcurrency): Promise<SubscriptionRegistries[]> {
    return mapWithConcurrency(targets, concurrency, async ({ subscriptionId, factory }): Promise<SubscriptionRegistries> => {
        try {
            return { subscriptionId, registries: await listRegistriesInSubscription(factory, subscriptionId) };
        } catch (error) {
            return { subscriptionId, error };
        }
    });
}
