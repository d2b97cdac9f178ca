import type { SubscriptionTarget } from '../auth/SubscriptionSource';
import { defaultListConcurrency } from '../domain/clients/ClientOptions';
import { listRegistriesInSubscription } from '../domain/registries/listRegistries';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { mapWithConcurrency } from '../domain/util/mapWithConcurrency';

/**
 * Cache of subscriptions and their registries behind the tree. Loading the subscriptions starts one
 * `registries.list` per subscription at once (bounded), so expanding any subscription finds its list ready.
 */
export class RegistryInventory {
    private subscriptions?: Promise<SubscriptionTarget[]>;
    private readonly registries = new Map<string, Promise<RegistrySummary[]>>();

    constructor(
        private readonly loadSubscriptions: () => Promise<SubscriptionTarget[]>,
        private readonly concurrency = defaultListConcurrency,
    ) {}

    getSubscriptions(): Promise<SubscriptionTarget[]> {
        if (!this.subscriptions) {
            const loading = this.loadSubscriptions();
            this.subscriptions = loading;
            loading.then(
                (targets) => this.prefetch(targets),
                () => {
                    if (this.subscriptions === loading) {
                        this.subscriptions = undefined;
                    }
                },
            );
        }
        return this.subscriptions;
    }

    /** One subscription's registries, listed once with the first caller's factory (our view's, or the sidebar's). */
    getRegistries(target: Pick<SubscriptionTarget, 'subscriptionId' | 'factory'>): Promise<RegistrySummary[]> {
        const key = target.subscriptionId.toLowerCase();
        let registries = this.registries.get(key);
        if (!registries) {
            registries = this.track(key, listRegistriesInSubscription(target.factory, target.subscriptionId));
        }
        return registries;
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
        this.subscriptions = undefined;
        this.registries.clear();
    }

    /** Forget one subscription's registries. */
    clearSubscription(subscriptionId: string): void {
        this.registries.delete(subscriptionId.toLowerCase());
    }

    /** Replace one registry in its cached list (after a fresh GET), without listing again. */
    replaceRegistry(updated: RegistrySummary): void {
        const key = updated.subscriptionId.toLowerCase();
        const current = this.registries.get(key);
        if (current) {
            this.registries.set(
                key,
                current.then((list) => list.map((registry) => (registry.id.toLowerCase() === updated.id.toLowerCase() ? updated : registry))),
            );
        }
    }

    private prefetch(targets: SubscriptionTarget[]): void {
        const pending = targets.filter((target) => !this.registries.has(target.subscriptionId.toLowerCase()));
        const gates = new Map(pending.map((target) => [target.subscriptionId.toLowerCase(), deferred<void>()]));
        for (const target of pending) {
            const key = target.subscriptionId.toLowerCase();
            // Each list waits for its slot from the bounded pool below.
            this.track(
                key,
                gates.get(key)!.promise.then(() => listRegistriesInSubscription(target.factory, target.subscriptionId)),
            );
        }
        void mapWithConcurrency(pending, this.concurrency, async (target) => {
            const key = target.subscriptionId.toLowerCase();
            gates.get(key)!.resolve();
            await this.registries.get(key)?.catch(() => undefined);
        });
    }

    private track(key: string, loading: Promise<RegistrySummary[]>): Promise<RegistrySummary[]> {
        this.registries.set(key, loading);
        // A failed list is shown on its subscription node and retried on refresh, not cached forever.
        loading.catch(() => {
            if (this.registries.get(key) === loading) {
                this.registries.delete(key);
            }
        });
        return loading;
    }
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => {
        resolve = r;
    });
    return { promise, resolve };
}
