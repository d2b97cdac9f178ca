import { readKeyRotationPolicy } from '../azure/keyRotationPolicies';
import { keyVersionsOf, readDeletedVaultKey, readVaultKey } from '../azure/vaultKeys';
import { recoverVaultKey, updateVaultKey } from '../azure/vaultKeyChanges';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { KeyIdentifier } from '../keys/keyIdentifier';
import { collect } from '../util/collect';

/** One key version as Key Vault reports it (metadata only: no key material is kept). */
export interface KeyVersionState {
    readonly version: string;
    readonly enabled: boolean;
    readonly expiresOn?: Date;
    readonly notBefore?: Date;
    /** When the version was made (a new version of a versionless key is picked up by ACR within an hour of it). */
    readonly createdOn?: Date;
    readonly keyType: string;
    /** The version's tags (a journaled run tags the version it creates). */
    readonly tags?: Readonly<Record<string, string>>;
}

/** A key (one version, or the latest) looked up on the data plane: found, soft-deleted (recoverable), or gone. */
export type KeyLookup =
    | { readonly kind: 'found'; readonly state: KeyVersionState }
    | { readonly kind: 'softDeleted'; readonly scheduledPurgeDate?: Date }
    | { readonly kind: 'missing' };

/** Reads a key version; a 404 is followed by one look in the vault's deleted keys to tell "soft-deleted" from "gone". */
export async function lookUpKey(factory: AzureClientFactory, key: KeyIdentifier, version = key.version): Promise<KeyLookup> {
    const found = await readVaultKey(factory, key.vaultUrl, key.keyName, version);
    if (found) {
        return { kind: 'found', state: toState(found.properties, String(found.keyType ?? '')) };
    }
    const deleted = await readDeletedVaultKey(factory, key.vaultUrl, key.keyName);
    return deleted ? { kind: 'softDeleted', scheduledPurgeDate: deleted.properties.scheduledPurgeDate } : { kind: 'missing' };
}

/** Every version of a key with its enabled flag and dates (for "disable all versions" and its undo). */
export async function listKeyVersionStates(factory: AzureClientFactory, key: KeyIdentifier): Promise<KeyVersionState[]> {
    return (await collect(keyVersionsOf(factory, key.vaultUrl, key.keyName))).map((properties) => toState(properties, ''));
}

export async function setKeyVersionEnabled(factory: AzureClientFactory, key: KeyIdentifier, version: string, enabled: boolean): Promise<void> {
    await updateVaultKey(factory, key.vaultUrl, key.keyName, version, { enabled });
}

export async function setKeyVersionExpiry(factory: AzureClientFactory, key: KeyIdentifier, version: string, expiresOn: Date): Promise<void> {
    await updateVaultKey(factory, key.vaultUrl, key.keyName, version, { expiresOn });
}

/** Recovers a soft-deleted key (all its versions) and waits until the vault serves it again. */
export async function recoverDeletedKey(factory: AzureClientFactory, key: KeyIdentifier): Promise<void> {
    await recoverVaultKey(factory, key.vaultUrl, key.keyName);
}

/** The key's rotation policy: whether Key Vault rotates it by itself, and how often (ISO 8601 duration). */
export async function readRotationPolicy(
    factory: AzureClientFactory,
    key: KeyIdentifier,
): Promise<{ readonly autoRotates: boolean; readonly interval?: string }> {
    const policy = await readKeyRotationPolicy(factory, key.vaultUrl, key.keyName);
    const rotate = (policy.lifetimeActions ?? []).find((action) => action.action.toLowerCase() === 'rotate');
    return { autoRotates: !!rotate, interval: rotate?.timeAfterCreate ?? rotate?.timeBeforeExpiry };
}

function toState(
    properties: { version?: string; enabled?: boolean; expiresOn?: Date; notBefore?: Date; createdOn?: Date; tags?: Record<string, string> },
    keyType: string,
): KeyVersionState {
    return {
        version: properties.version ?? '',
        enabled: properties.enabled !== false,
        expiresOn: properties.expiresOn,
        notBefore: properties.notBefore,
        createdOn: properties.createdOn,
        keyType,
        ...(properties.tags ? { tags: properties.tags } : {}),
    };
}
