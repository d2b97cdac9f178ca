import type { SubscriptionTarget } from '../auth/SubscriptionSource';
import { defaultListConcurrency } from '../domain/clients/ClientOptions';
import { listRegistriesInSubscription } from '../domain/registries/listRegistries';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { mapWithConcurrency } from '../domain/util/mapWithConcurrency';
import { PromiseCache } from '../domain/util/PromiseCache';

/**
 * Cache of subscriptions and their registries behind the tree. Loading the subscriptions starts one
 * `registries.list` per subscription at once (bounded), so expanding any subscription finds its list ready.
 */
export class RegistryInventory {
    /** One entry, the selected subscriptions. */
    private readonly subscriptions = new PromiseCache<'selected', SubscriptionTarget[]>(String);
    /** Each subscription's registries, by subscription id (any case). A failed list is shown on its subscription node and retried on refresh. */
    private readonly registries = new PromiseCache<string, RegistrySummary[]>((subscriptionId) => subscriptionId.toLowerCase());

    constructor(
        private readonly loadSubscriptions: () => Promise<SubscriptionTarget[]>,
        private readonly concurrency = defaultListConcurrency,
    ) {}

    getSubscriptions(): Promise<SubscriptionTarget[]> {
        return this.subscriptions.get('selected', () => {
            const loading = this.loadSubscriptions();
            loading.then(
                (targets) => this.prefetch(targets),
                () => undefined,
            );
            return loading;
        });
    }

    /** One subscription's registries, listed once with the first caller's factory (our view's, or the sidebar's). */
    getRegistries(target: Pick<SubscriptionTarget, 'subscriptionId' | 'factory'>): Promise<RegistrySummary[]> {
        return this.registries.get(target.subscriptionId, () => listRegistriesInSubscription(target.factory, target.subscriptionId));
    }

    async findRegistry(registryId: string): Promise<{ target: SubscriptionTarget; registry: RegistrySummary } | undefined> {
        for (const target of await this.getSubscriptions()) {
            if (!registryId.toLowerCase().startsWith(`/subscriptions/${target.subscriptionId.toLowerCase()}/`)) {
                continue;
            }
            const registry = (await this.getRegistries(target)).find((candidate) => candidate.id.toLowerCase() === registryId.toLowerCase());
            return registry ? { target, registry } : undefined;
        }
        return undefined;
    }

    /** Forget everything; the next read lists again. */
    clear(): void {
        this.subscriptions.clear();
        this.registries.clear();
    }

    /** Forget one subscription's registries. */
    clearSubscription(subscriptionId: string): void {
        this.registries.forget(subscriptionId);
    }

    /** Replace one registry in its cached list (after a fresh GET), without listing again. */
    replaceRegistry(updated: RegistrySummary): void {
        const current = this.registries.peek(updated.subscriptionId);
        if (current) {
            const replaced = current.then((list) => list.map((registry) => (registry.id.toLowerCase() === updated.id.toLowerCase() ? updated : registry)));
            this.registries.set(updated.subscriptionId, replaced);
        }
    }

    private prefetch(targets: SubscriptionTarget[]): void {
        const pending = targets.filter((target) => !this.registries.peek(target.subscriptionId));
        const start = new Map<SubscriptionTarget, () => void>();
        for (const target of pending) {
            // Each list waits for its slot from the bounded pool below.
            const listing = new Promise<void>((resolve) => start.set(target, resolve)).then(() =>
                listRegistriesInSubscription(target.factory, target.subscriptionId),
            );
            this.registries.set(target.subscriptionId, listing);
        }
        void mapWithConcurrency(pending, this.concurrency, async (target) => {
            start.get(target)!();
            await this.registries.peek(target.subscriptionId)?.catch(() => undefined);
        });
    }
}
