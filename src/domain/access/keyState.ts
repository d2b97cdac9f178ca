import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { KeyIdentifier } from '../keys/keyIdentifier';

/** One key version as Key Vault reports it (metadata only: no key material is kept). */
export interface KeyVersionState {
    readonly version: string;
    readonly enabled: boolean;
    readonly expiresOn?: Date;
    readonly notBefore?: Date;
    /** When the version was made (a new version of a versionless key is picked up by ACR within an hour of it). */
    readonly createdOn?: Date;
    readonly keyType: string;
}

/** A key (one version, or the latest) looked up on the data plane: found, soft-deleted (recoverable), or gone. */
export type KeyLookup =
    | { readonly kind: 'found'; readonly state: KeyVersionState }
    | { readonly kind: 'softDeleted'; readonly scheduledPurgeDate?: Date }
    | { readonly kind: 'missing' };

export function statusOf(error: unknown): number | undefined {
    return (error as { statusCode?: number }).statusCode;
}

/** Reads a key version; a 404 is followed by one look in the vault's deleted keys to tell "soft-deleted" from "gone". */
export async function lookUpKey(factory: AzureClientFactory, key: KeyIdentifier, version = key.version): Promise<KeyLookup> {
    const client = await factory.keys(key.vaultUrl);
    try {
        const found = await client.getKey(key.keyName, version ? { version } : {});
        return { kind: 'found', state: toState(found.properties, String(found.keyType ?? '')) };
    } catch (error) {
        if (statusOf(error) !== 404) {
            throw error;
        }
    }
    try {
        const deleted = await client.getDeletedKey(key.keyName);
        return { kind: 'softDeleted', scheduledPurgeDate: deleted.properties.scheduledPurgeDate };
    } catch (error) {
        if (statusOf(error) === 404) {
            return { kind: 'missing' };
        }
        throw error;
    }
}

/** Every version of a key with its enabled flag and dates (for "disable all versions" and its undo). */
export async function listKeyVersionStates(factory: AzureClientFactory, key: KeyIdentifier): Promise<KeyVersionState[]> {
    const client = await factory.keys(key.vaultUrl);
    const versions: KeyVersionState[] = [];
    for await (const properties of client.listPropertiesOfKeyVersions(key.keyName)) {
        versions.push(toState(properties, ''));
    }
    return versions;
}

export async function setKeyVersionEnabled(factory: AzureClientFactory, key: KeyIdentifier, version: string, enabled: boolean): Promise<void> {
    const client = await factory.keys(key.vaultUrl);
    await client.updateKeyProperties(key.keyName, version, { enabled });
}

export async function setKeyVersionExpiry(factory: AzureClientFactory, key: KeyIdentifier, version: string, expiresOn: Date): Promise<void> {
    const client = await factory.keys(key.vaultUrl);
    await client.updateKeyProperties(key.keyName, version, { expiresOn });
}

/** Recovers a soft-deleted key (all its versions) and waits until the vault serves it again. */
export async function recoverDeletedKey(factory: AzureClientFactory, key: KeyIdentifier): Promise<void> {
    const client = await factory.keys(key.vaultUrl);
    const poller = await client.beginRecoverDeletedKey(key.keyName, { intervalInMs: factory.lroPollIntervalMs ?? 2000 });
    await poller.pollUntilDone();
}

/** The key's rotation policy: whether Key Vault rotates it by itself, and how often (ISO 8601 duration). */
export async function readRotationPolicy(factory: AzureClientFactory, key: KeyIdentifier): Promise<{ readonly autoRotates: boolean; readonly interval?: string }> {
    const client = await factory.keys(key.vaultUrl);
    const policy = await client.getKeyRotationPolicy(key.keyName);
    const rotate = (policy.lifetimeActions ?? []).find((action) => action.action.toLowerCase() === 'rotate');
    return { autoRotates: !!rotate, interval: rotate?.timeAfterCreate ?? rotate?.timeBeforeExpiry };
}

function toState(properties: { version?: string; enabled?: boolean; expiresOn?: Date; notBefore?: Date; createdOn?: Date }, keyType: string): KeyVersionState {
    return { version: properties.version ?? '', enabled: properties.enabled !== false, expiresOn: properties.expiresOn, notBefore: properties.notBefore, createdOn: properties.createdOn, keyType };
}
