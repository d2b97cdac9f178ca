import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { ClientOptions } from '../../../src/domain/clients/ClientOptions';
import { adminCaller } from '../access/emulatorAdmin';
import { startEmulatorWorld, type EmulatorWorld, type LoggedRequest } from '../domain/emulatorWorld';

/**
 * Transport settings of the matrix, passed through the domain's own `ClientOptions` (users get the SDK defaults):
 * short retry waits, a request timeout the delay fault outlasts, fast LRO polling.
 */
export const matrixTimeoutMs = 2000;
export const matrixClientOptions: ClientOptions = {
    retry: { maxRetries: 2, retryDelayInMs: 20, maxRetryDelayInMs: 100 },
    timeoutMs: matrixTimeoutMs,
    lroPollIntervalMs: 20,
};

/** Two subscriptions, three CMK registries each (access-policy vault + user identity, RBAC vault + pinned key, firewalled vault + system identity). */
export const matrixSeed = 'subscriptions=2,registries=6,cmk=1';

export interface SeedRegistry {
    readonly id: string;
    readonly name: string;
    readonly subscriptionId: string;
    readonly keyIdentifier: string;
    readonly identity: string;
}

export interface EmulatorSnapshot {
    groups: Record<string, { id: string; name: string }>;
    identities: Record<string, { id: string; name: string; principalId: string; clientId: string }>;
    vaults: Record<
        string,
        {
            id: string;
            name: string;
            properties: { accessPolicies: { objectId: string; permissions: { keys?: string[] } }[]; networkAcls?: { bypass?: string } };
        }
    >;
    roleAssignments: Record<string, { id: string; scope: string; roleDefinitionId: string; principalId: string }>;
    registries: Record<
        string,
        {
            id: string;
            name: string;
            identity?: { type?: string; principalId?: string };
            encryption?: { status: string; keyVaultProperties?: { keyIdentifier?: string; versionedKeyIdentifier?: string; identity?: string } };
        }
    >;
    deployments: Record<string, { id: string; provisioningState: string }>;
}

/** One emulator for the whole matrix, reset to its seed before every case; a factory bound to it as a user would configure it. */
export interface FaultWorld {
    readonly world: EmulatorWorld;
    readonly factory: AzureClientFactory;
    readonly subscriptionIds: readonly string[];
    readonly registries: readonly SeedRegistry[];
    reset(): Promise<void>;
    state(): Promise<EmulatorSnapshot>;
    keyAccess(registryId: string): Promise<{ accessible: boolean; reason: string }>;
    addFault(rule: Record<string, unknown>): Promise<void>;
    clearFaults(): Promise<void>;
    /** How often the (single) fault rule fired. */
    faultsFired(): Promise<number>;
    requests(since?: number): Promise<{ lastSeq: number; requests: LoggedRequest[] }>;
    stop(): Promise<void>;
}

export async function startFaultWorld(): Promise<FaultWorld> {
    const world = await startEmulatorWorld({ seed: matrixSeed, lroPolls: 1 }, matrixClientOptions);
    const call = adminCaller(world.emulator.environment.adminEndpoint, world.cloud.caCertificate ?? '');
    const state = () => call<EmulatorSnapshot>('GET', 'state');
    const targets = await world.source.listAllSubscriptions();
    const factory = targets[0]!.factory;
    const registries = Object.values((await state()).registries)
        .map((r): SeedRegistry => ({
            id: r.id,
            name: r.name,
            subscriptionId: r.id.split('/')[2] ?? '',
            keyIdentifier: r.encryption?.keyVaultProperties?.keyIdentifier ?? '',
            identity: r.encryption?.keyVaultProperties?.identity ?? '',
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    return {
        world,
        factory,
        registries,
        subscriptionIds: world.emulator.environment.subscriptions.map((s) => s.id),
        reset: () => call<void>('POST', 'reset'),
        state,
        keyAccess: (registryId) => call('GET', `key-access?registry=${encodeURIComponent(registryId)}`),
        addFault: (rule) => call<void>('POST', 'faults', rule),
        clearFaults: () => call<void>('DELETE', 'faults'),
        faultsFired: async () => (await call<{ rules: { fired: number }[] }>('GET', 'faults')).rules.reduce((sum, rule) => sum + rule.fired, 0),
        requests: (since = 0) => world.requests(since),
        stop: () => world.stop(),
    };
}

/** The seeded registry of one kind in the first subscription: `accessPolicy` (user identity, versionless), `rbac` (user identity, pinned), `firewall` (system identity). */
export function seedRegistry(w: FaultWorld, kind: 'accessPolicy' | 'rbac' | 'firewall'): SeedRegistry {
    const first = w.subscriptionIds[0]!;
    const found = w.registries.find(
        (r) =>
            r.subscriptionId === first &&
            (kind === 'firewall'
                ? r.identity === 'system'
                : kind === 'rbac'
                  ? r.identity !== 'system' && /\/[0-9a-f]{32}$/i.test(r.keyIdentifier)
                  : r.identity !== 'system' && !/\/[0-9a-f]{32}$/i.test(r.keyIdentifier)),
    );
    if (!found) {
        throw new Error(`the seed has no ${kind} registry in subscription ${first}`);
    }
    return found;
}
