import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import { mapWithConcurrency } from '../../util/mapWithConcurrency';
import { keysInUse, pinnedVersionMade, readKeyFacts, vaultSubscription, type KeyHealth, type KeyInUse, type KeyUser, type VaultInUse } from '../keysInUse';
import type { Fleet } from '../readFleet';
import { defaultWarningLimits, keyWarnings, registryWarnings, vaultWarnings, type FleetWarning, type WarningLimits } from './fleetWarnings';

export interface ReportKey {
    readonly vault: VaultInUse;
    readonly key: KeyInUse;
    readonly health: KeyHealth;
    readonly warnings: readonly FleetWarning[];
}

export interface ReportRegistry {
    readonly key: ReportKey;
    readonly user: KeyUser;
    /** When the pinned version was made (pinned registries whose version could be read). */
    readonly pinnedCreatedOn?: Date;
    readonly warnings: readonly FleetWarning[];
}

/** Everything the fleet key report shows, read once: keys with their state, registries with their warnings. */
export interface FleetReport {
    readonly generatedAt: Date;
    readonly source: Fleet['source'];
    readonly vaults: readonly { readonly entry: VaultInUse; readonly warnings: readonly FleetWarning[] }[];
    readonly keys: readonly ReportKey[];
    readonly registries: readonly ReportRegistry[];
    /** Registries of the fleet with a Microsoft-managed key. */
    readonly serviceManaged: number;
}

const readConcurrency = 4;

/**
 * Reads what the report needs beyond the fleet listing: each key's facts as the views read them (its latest version's
 * state and rotation policy, when each pinned version in use was made); then derives every warning. `factoryOf` gives
 * the connection for a subscription (a vault's, or its registries').
 */
export async function readFleetReport(
    fleet: Fleet,
    factoryOf: (subscriptionId: string | undefined) => AzureClientFactory,
    now: Date,
    limits: WarningLimits = defaultWarningLimits,
): Promise<FleetReport> {
    const vaults = keysInUse(fleet);
    const pairs = vaults.flatMap((vault) => vault.keys.map((key) => ({ vault, key })));
    // Each pinned version in use is read once per key, however many registries pin it (see readKeyFacts).
    const read = await mapWithConcurrency(pairs, readConcurrency, async ({ vault, key }) => {
        const facts = await readKeyFacts(factoryOf(vaultSubscription(vault)), key);
        return { facts, key: { vault, key, health: facts.health, warnings: keyWarnings(facts.health, now, limits) } satisfies ReportKey };
    });
    const registries = read.flatMap(({ key, facts }) =>
        key.key.users.map((user): ReportRegistry => {
            const pinnedCreatedOn = pinnedVersionMade(user, facts);
            return { key, user, pinnedCreatedOn, warnings: registryWarnings(user, key.health, pinnedCreatedOn, now, limits) };
        }),
    );
    return {
        generatedAt: now,
        source: fleet.source,
        keys: read.map(({ key }) => key),
        registries,
        vaults: vaults.map((entry) => ({ entry, warnings: vaultWarnings(entry.vault) })),
        serviceManaged: fleet.registries.filter((registry) => registry.encryption.status !== 'enabled').length,
    };
}
