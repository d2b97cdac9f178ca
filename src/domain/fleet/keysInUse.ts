import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { lookUpKey, readRotationPolicy, type KeyLookup } from '../access/keyState';
import { mapWithConcurrency } from '../util/mapWithConcurrency';
import type { CustomerManagedKeyState, RegistrySummary } from '../registries/RegistryEncryption';
import type { Fleet, FleetVault } from './readFleet';

/** A registry encrypted with the key: which version it pins (none: versionless), which it uses now, through which identity. */
export interface KeyUser {
    readonly registry: RegistrySummary;
    readonly encryption: CustomerManagedKeyState;
}

export interface KeyInUse {
    readonly keyName: string;
    readonly vaultName: string;
    /** `https://<vault>.<suffix>` (as in the key identifiers). */
    readonly vaultUrl: string;
    readonly users: readonly KeyUser[];
}

export interface VaultInUse {
    readonly vaultName: string;
    readonly vaultUrl: string;
    /** The vault's resource, when the fleet's subscriptions hold it (a key may live in a vault elsewhere). */
    readonly vault?: FleetVault;
    readonly keys: readonly KeyInUse[];
}

/** A vault's host (with port) from its URL, lower case: how vault URLs and key identifiers are matched. */
export const vaultHostOf = (url: string): string =>
    url
        .replace(/^https:\/\//i, '')
        .replace(/\/+$/, '')
        .toLowerCase();

/** The subscription whose connection reads a vault's keys: the vault's own, else that of a registry using it. */
export const vaultSubscription = (entry: VaultInUse): string | undefined => entry.vault?.subscriptionId ?? entry.keys[0]?.users[0]?.registry.subscriptionId;

/** Vault → key → the registries that use it, from any subscription of the fleet; registries without a customer-managed key are left out. */
export function keysInUse(fleet: Pick<Fleet, 'registries' | 'vaults'>): VaultInUse[] {
    const vaultsByHost = new Map(fleet.vaults.map((vault) => [vaultHostOf(vault.vaultUri), vault]));
    const byVault = new Map<string, { vaultName: string; vaultUrl: string; keys: Map<string, KeyUser[]> }>();
    for (const registry of fleet.registries) {
        const encryption = registry.encryption;
        if (encryption.status !== 'enabled' || !encryption.key) {
            continue;
        }
        const host = vaultHostOf(encryption.key.vaultUrl);
        const entry = byVault.get(host) ?? { vaultName: encryption.key.vaultName, vaultUrl: encryption.key.vaultUrl, keys: new Map<string, KeyUser[]>() };
        byVault.set(host, entry);
        const keyName = encryption.key.keyName.toLowerCase();
        entry.keys.set(keyName, [...(entry.keys.get(keyName) ?? []), { registry, encryption }]);
    }
    return [...byVault.entries()]
        .map(([host, { keys, ...where }]) => ({
            ...where,
            vault: vaultsByHost.get(host),
            keys: [...keys.values()]
                .map((users) => ({
                    keyName: users[0]!.encryption.key!.keyName,
                    ...where,
                    users: users.sort((a, b) => a.registry.name.localeCompare(b.registry.name)),
                }))
                .sort((a, b) => a.keyName.localeCompare(b.keyName)),
        }))
        .sort((a, b) => a.vaultName.localeCompare(b.vaultName));
}

/** What Key Vault says about a key in use: its latest version's state, and its rotation policy. */
export interface KeyHealth {
    readonly lookup: KeyLookup;
    readonly rotation?: { readonly autoRotates: boolean; readonly interval?: string };
    /** Azure's text when the key could not be read (no data-plane access, firewall): the view says so rather than guess. */
    readonly unreadable?: string;
}

export async function readKeyHealth(factory: AzureClientFactory, key: KeyInUse): Promise<KeyHealth> {
    try {
        const lookup = await lookUpKey(factory, key);
        const rotation = lookup.kind === 'found' ? await readRotationPolicy(factory, key).catch(() => undefined) : undefined;
        return { lookup, rotation };
    } catch (error) {
        return { lookup: { kind: 'missing' }, unreadable: error instanceof Error ? error.message : String(error) };
    }
}

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
