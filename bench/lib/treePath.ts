import type { SubscriptionSource, SubscriptionTarget } from '../../src/auth/SubscriptionSource';
import { defaultListConcurrency } from '../../src/domain/clients/ClientOptions';
import type { RegistrySummary } from '../../src/domain/registries/RegistryEncryption';
import { RegistryInventory } from '../../src/tree/RegistryInventory';

export interface ListedTree {
    readonly subscriptions: SubscriptionTarget[];
    readonly registries: RegistrySummary[];
    /** Kept so the model stays reachable as long as the caller holds the result (the tree keeps its inventory). */
    readonly inventory: RegistryInventory;
}

/**
 * What the tree does to show every registry with its encryption state: RegistryInventory loads the subscriptions
 * (token + subscription list), which prefetches every subscription's `registries.list` through its bounded pool;
 * then each subscription node asks for its (already loading) list.
 */
export async function listTreeLikeTheView(source: SubscriptionSource, concurrency = defaultListConcurrency): Promise<ListedTree> {
    const inventory = new RegistryInventory(() => source.listAllSubscriptions(), concurrency);
    const subscriptions = await inventory.getSubscriptions();
    const lists = await Promise.all(subscriptions.map((subscription) => inventory.getRegistries(subscription)));
    return { subscriptions, registries: lists.flat(), inventory };
}

export interface TreeCheck {
    readonly registries: number;
    readonly cmk: number;
}

/** Fails loudly when the tree is incomplete, so a fast but wrong listing is never reported as a result. */
export function checkTree(tree: ListedTree, expected: { subscriptions: number; registries: number }): TreeCheck {
    if (tree.subscriptions.length !== expected.subscriptions) {
        throw new Error(`listed ${tree.subscriptions.length} subscriptions, expected ${expected.subscriptions}`);
    }
    if (tree.registries.length !== expected.registries) {
        throw new Error(`listed ${tree.registries.length} registries, expected ${expected.registries}`);
    }
    return { registries: tree.registries.length, cmk: tree.registries.filter((registry) => registry.encryption.status === 'enabled').length };
}
