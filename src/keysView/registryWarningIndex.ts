import { pinnedVersionMade, type KeyFacts, type KeyInUse, type KeyUser, type VaultInUse } from '../domain/fleet/keysInUse';
import { keyWarnings, registryWarnings, vaultWarnings, type FleetWarning } from '../domain/fleet/report/fleetWarnings';
import type { FleetVault } from '../domain/fleet/readFleet';
import { mapWithConcurrency } from '../domain/util/mapWithConcurrency';

/**
 * Every fleet warning that reaches one registry: its key's (expired, expiring, disabled, deleted, unreadable), its own
 * (version not picked up, pinned version old, identity removed) and its vault's (no purge protection) — the model of
 * the Keys view's rows and the fleet key report, gathered per registry for the Registries view's marks.
 */
export function warningsOfRegistry(user: KeyUser, facts: KeyFacts, vault: FleetVault | undefined, now: Date): FleetWarning[] {
    return [...keyWarnings(facts.health, now), ...registryWarnings(user, facts.health, pinnedVersionMade(user, facts), now), ...vaultWarnings(vault)];
}

/**
 * Registry id (lower case) → its fleet warnings, for every registry with at least one. Key facts are asked once per key
 * (four keys at a time): the cost grows with the keys in use, never with the registries.
 */
export async function registryWarningIndex(
    vaults: readonly VaultInUse[],
    factsOf: (vault: VaultInUse, key: KeyInUse) => Promise<KeyFacts>,
    now: Date,
): Promise<Map<string, FleetWarning[]>> {
    const pairs = vaults.flatMap((vault) => vault.keys.map((key) => ({ vault, key })));
    const index = new Map<string, FleetWarning[]>();
    await mapWithConcurrency(pairs, 4, async ({ vault, key }) => {
        const facts = await factsOf(vault, key);
        for (const user of key.users) {
            const warnings = warningsOfRegistry(user, facts, vault.vault, now);
            if (warnings.length > 0) {
                index.set(user.registry.id.toLowerCase(), warnings);
            }
        }
    });
    return index;
}
