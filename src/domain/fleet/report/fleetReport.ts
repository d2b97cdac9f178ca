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
    const pinned = keys.flatMap((key) =>
        key.key.users.filter((user) => user.encryption.rotation === 'manual' && user.encryption.currentVersion).map((user) => ({ key, user })),
    );
    const versionKey = (key: KeyInUse, version: string) => `${key.vaultUrl.toLowerCase()}|${key.keyName.toLowerCase()}|${version.toLowerCase()}`;
    const uniqueVersions = [
        ...new Map(
            pinned.map(({ key, user }) => [versionKey(key.key, user.encryption.currentVersion!), { key, version: user.encryption.currentVersion! }]),
        ).values(),
    ];
    const created = new Map<string, Date | undefined>();
    await mapWithConcurrency(uniqueVersions, readConcurrency, async ({ key, version }) => {
        const lookup = await lookUpKey(
            factoryFor(key.vault),
            { vaultUrl: key.key.vaultUrl, vaultName: key.key.vaultName, keyName: key.key.keyName },
            version,
        ).catch(() => undefined);
        created.set(versionKey(key.key, version), lookup?.kind === 'found' ? lookup.state.createdOn : undefined);
    });
    const registries = keys.flatMap((key) =>
        key.key.users.map((user): ReportRegistry => {
            const pinnedCreatedOn =
                user.encryption.rotation === 'manual' && user.encryption.currentVersion
                    ? created.get(versionKey(key.key, user.encryption.currentVersion))
                    : undefined;
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
