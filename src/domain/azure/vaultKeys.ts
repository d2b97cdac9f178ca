import type { DeletedKey, KeyProperties, KeyVaultKey } from '@azure/keyvault-keys';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { collect } from '../util/collect';
import { mapWithConcurrency } from '../util/mapWithConcurrency';
import { unlessNotFound } from './azureErrors';

// Keys on Key Vault's data plane (`https://<vault>.<suffix>/keys/...`): reads. Changes are in vaultKeyChanges.ts.

/** A key version (the latest when no version is given), as Key Vault answers: a missing key fails with its 404. */
export async function getVaultKey(factory: AzureClientFactory, vaultUrl: string, name: string, version?: string): Promise<KeyVaultKey> {
    return (await factory.keys(vaultUrl)).getKey(name, version ? { version } : {});
}

/** As `getVaultKey`, or undefined when the key (or that version) does not exist. */
export function readVaultKey(factory: AzureClientFactory, vaultUrl: string, name: string, version?: string): Promise<KeyVaultKey | undefined> {
    return unlessNotFound(getVaultKey(factory, vaultUrl, name, version));
}

/** The soft-deleted key of that name, or undefined when there is none. */
export async function readDeletedVaultKey(factory: AzureClientFactory, vaultUrl: string, name: string): Promise<DeletedKey | undefined> {
    return unlessNotFound((await factory.keys(vaultUrl)).getDeletedKey(name));
}

/** The vault's keys (the properties of each one's latest version). */
export async function* keysIn(factory: AzureClientFactory, vaultUrl: string): AsyncIterable<KeyProperties> {
    yield* (await factory.keys(vaultUrl)).listPropertiesOfKeys();
}

export async function* keyVersionsOf(factory: AzureClientFactory, vaultUrl: string, name: string): AsyncIterable<KeyProperties> {
    yield* (await factory.keys(vaultUrl)).listPropertiesOfKeyVersions(name);
}

export interface VaultKeyInfo {
    readonly name: string;
    readonly enabled: boolean;
    /** `RSA`, `RSA-HSM`, `EC`, …; empty for a disabled key (Key Vault refuses to read it). */
    readonly keyType: string;
    /** Azure Container Registry encrypts with enabled RSA and RSA-HSM keys only. */
    readonly usableForRegistry: boolean;
}

/**
 * The keys of a vault for the key picker: enabled ones first, each by name. The list carries no key types, so each
 * enabled key is read (a few at a time); a disabled one cannot be read and is listed without its type.
 */
export async function listVaultKeys(factory: AzureClientFactory, vaultUri: string): Promise<VaultKeyInfo[]> {
    const listed = (await collect(keysIn(factory, vaultUri))).map((properties) => ({ name: properties.name, enabled: properties.enabled !== false }));
    listed.sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.name.localeCompare(b.name));
    return mapWithConcurrency(listed, 4, async ({ name, enabled }) => {
        const keyType = enabled ? String((await getVaultKey(factory, vaultUri, name)).keyType ?? '') : '';
        return { name, enabled, keyType, usableForRegistry: keyType === 'RSA' || keyType === 'RSA-HSM' };
    });
}
