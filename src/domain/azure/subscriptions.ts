import type { Subscription } from '@azure/arm-resources-subscriptions';
import type { AzureClientFactory } from '../clients/AzureClientFactory';

/** Every subscription the signed-in principal can see, as Resource Manager lists them. */
export async function* subscriptionsVisible(factory: AzureClientFactory): AsyncIterable<Subscription> {
    yield* (await factory.subscriptions()).subscriptions.list();
}
