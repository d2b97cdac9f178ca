import { lookUpKey } from '../../access/keyState';
import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import { mapWithConcurrency } from '../../util/mapWithConcurrency';
import { keysInUse, readKeyHealth, type KeyHealth, type KeyInUse, type KeyUser, type VaultInUse } from '../keysInUse';
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
 * Reads what the report needs beyond the fleet listing: each key's state and rotation policy (latest version), and the
 * creation time of each pinned version in use; then derives every warning. `factoryOf` gives the connection for a
 * subscription (a vault's, or its registries').
 */
export async function readFleetReport(
    fleet: Fleet,
    factoryOf: (subscriptionId: string | undefined) => AzureClientFactory,
    now: Date,
    limits: WarningLimits = defaultWarningLimits,
): Promise<FleetReport> {
    const vaults = keysInUse(fleet);
    const factoryFor = (vault: VaultInUse) => factoryOf(vault.vault?.subscriptionId ?? vault.keys[0]?.users[0]?.registry.subscriptionId);
    const pairs = vaults.flatMap((vault) => vault.keys.map((key) => ({ vault, key })));
    const keys = await mapWithConcurrency(pairs, readConcurrency, async ({ vault, key }): Promise<ReportKey> => {
        const health = await readKeyHealth(factoryFor(vault), key);
        return { vault, key, health, warnings: keyWarnings(health, now, limits) };
    });
    // Each pinned version in use is read once, however many registries pin it.
    const pinnedVersion = (user: KeyUser) => (user.encryption.rotation === 'manual' ? user.encryption.currentVersion : undefined);
    const versionKey = (key: KeyInUse, version: string) => `${key.vaultUrl.toLowerCase()}|${key.keyName.toLowerCase()}|${version.toLowerCase()}`;
    const versions = new Map(
        keys.flatMap((key) => key.key.users.flatMap((user) => pinnedVersion(user) || []).map((version) => [versionKey(key.key, version), { key, version }])),
    );
    const created = new Map<string, Date | undefined>();
    await mapWithConcurrency([...versions], readConcurrency, async ([id, { key, version }]) => {
        const lookup = await lookUpKey(factoryFor(key.vault), key.key, version).catch(() => undefined);
        created.set(id, lookup?.kind === 'found' ? lookup.state.createdOn : undefined);
    });
    const registries = keys.flatMap((key) =>
        key.key.users.map((user): ReportRegistry => {
            const version = pinnedVersion(user);
            const pinnedCreatedOn = version ? created.get(versionKey(key.key, version)) : undefined;
            return { key, user, pinnedCreatedOn, warnings: registryWarnings(user, key.health, pinnedCreatedOn, now, limits) };
        }),
    );
    return {
        generatedAt: now,
        source: fleet.source,
        keys,
        registries,
        vaults: vaults.map((entry) => ({ entry, warnings: vaultWarnings(entry.vault) })),
        serviceManaged: fleet.registries.filter((registry) => registry.encryption.status !== 'enabled').length,
    };
}
