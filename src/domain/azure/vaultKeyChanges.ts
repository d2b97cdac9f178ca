import type { CreateKeyOptions, KeyType, KeyVaultKey, UpdateKeyPropertiesOptions } from '@azure/keyvault-keys';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { unlessNotFound } from './azureErrors';

// Changes to keys on Key Vault's data plane: new keys and versions, key properties, delete and recover.

/** A new key, or a new version of the key of that name. */
export async function createVaultKey(
    factory: AzureClientFactory,
    vaultUrl: string,
    name: string,
    keyType: KeyType,
    options: CreateKeyOptions = {},
): Promise<KeyVaultKey> {
    return (await factory.keys(vaultUrl)).createKey(name, keyType, options);
}

export async function updateVaultKey(
    factory: AzureClientFactory,
    vaultUrl: string,
    name: string,
    version: string,
    properties: UpdateKeyPropertiesOptions,
): Promise<KeyVaultKey> {
    return (await factory.keys(vaultUrl)).updateKeyProperties(name, version, properties);
}

/** Deletes the key (soft delete) and waits until it is gone; a key already gone is left as it is. */
export async function deleteVaultKey(factory: AzureClientFactory, vaultUrl: string, name: string): Promise<void> {
    const poller = await unlessNotFound((await factory.keys(vaultUrl)).beginDeleteKey(name));
    await poller?.pollUntilDone();
}

/** Recovers a soft-deleted key (all its versions) and waits until the vault serves it again. */
export async function recoverVaultKey(factory: AzureClientFactory, vaultUrl: string, name: string): Promise<void> {
    const poller = await (await factory.keys(vaultUrl)).beginRecoverDeletedKey(name, { intervalInMs: factory.lroPollIntervalMs ?? 2000 });
    await poller.pollUntilDone();
}
