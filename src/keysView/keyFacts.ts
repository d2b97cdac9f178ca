import { lookUpKey } from '../domain/access/keyState';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { readKeyHealth, type KeyHealth, type KeyInUse, type KeyUser } from '../domain/fleet/keysInUse';
import { mapWithConcurrency } from '../domain/util/mapWithConcurrency';

/**
 * What Key Vault says about a key in use, read once per key (not per registry) and shared by both views: its latest
 * version's state and rotation policy, and when each version a registry pins was made (lower-case version → date).
 */
export interface KeyFacts {
    readonly health: KeyHealth;
    readonly versionsMade: ReadonlyMap<string, Date | undefined>;
}

/**
 * Reads a key's facts: the latest version (which also dates a registry pinned to it), then one read per other pinned
 * version in use, at most four at a time. A version that cannot be read stays undated (no warning rather than a guess).
 */
export async function readKeyFacts(factory: AzureClientFactory, key: KeyInUse): Promise<KeyFacts> {
    const health = await readKeyHealth(factory, key);
    const latest = health.lookup.kind === 'found' ? health.lookup.state : undefined;
    const versionsMade = new Map<string, Date | undefined>(latest ? [[latest.version.toLowerCase(), latest.createdOn]] : []);
    const pinned = [...new Set(key.users.map(pinnedVersionOf).filter((version): version is string => !!version && !versionsMade.has(version)))];
    if (!health.unreadable) {
        const identifier = { vaultUrl: key.vaultUrl, vaultName: key.vaultName, keyName: key.keyName };
        await mapWithConcurrency(pinned, 4, async (version) => {
            const lookup = await lookUpKey(factory, identifier, version).catch(() => undefined);
            versionsMade.set(version, lookup?.kind === 'found' ? lookup.state.createdOn : undefined);
        });
    }
    return { health, versionsMade };
}

/** The version a registry pins (lower case), or undefined when it follows the latest. */
export function pinnedVersionOf(user: KeyUser): string | undefined {
    return user.encryption.rotation === 'manual' ? user.encryption.currentVersion?.toLowerCase() : undefined;
}

/** When the version a registry pins was made, when known. */
export function pinnedVersionMade(user: KeyUser, facts: KeyFacts): Date | undefined {
    const version = pinnedVersionOf(user);
    return version ? facts.versionsMade.get(version) : undefined;
}
