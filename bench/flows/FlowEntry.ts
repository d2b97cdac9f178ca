import type { SubscriptionTarget } from '../../src/auth/SubscriptionSource';
import type { AzureClientFactory } from '../../src/domain/clients/AzureClientFactory';
import type { RegistrySummary } from '../../src/domain/registries/RegistryEncryption';

/** What a flow gets: the signed-in factory, the subscriptions, the world's CMK registries, and state shared along the run. */
export interface FlowContext {
    readonly factory: AzureClientFactory;
    readonly subscriptions: readonly SubscriptionTarget[];
    /** The seeded CMK registries, in seed order: [0] user identity + access-policy vault, [1] user + RBAC vault, [2] system + firewalled vault, … */
    readonly registries: readonly RegistrySummary[];
    /** Shared between flows of one run (e.g. revoke → restore). */
    readonly shared: Map<string, unknown>;
}

/**
 * One flow of flow-requests. `prepare` (not measured) reads what the user would already see in the tree; `run` is
 * the flow itself, timed and counted from the emulator's log. `cliRequests`: the stock Azure CLI's requests for
 * the same result, with where that count comes from; null when the CLI has no equivalent.
 */
export interface FlowEntry<T = unknown> {
    readonly name: string;
    readonly cliRequests: number | null;
    readonly cliSource: string;
    prepare(context: FlowContext): Promise<T>;
    run(context: FlowContext, prepared: T): Promise<void>;
}

export function defineFlow<T>(entry: FlowEntry<T>): FlowEntry {
    return entry as FlowEntry;
}
