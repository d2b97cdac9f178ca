import { getVaultKey } from '../azure/vaultKeys';
import { createVaultKey } from '../azure/vaultKeyChanges';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import type { KeyIdentifier } from '../keys/keyIdentifier';

export interface KeyVersionInfo {
    /** Versioned key id as Key Vault reports it. */
    readonly id: string;
    readonly version: string;
}

const supportedKeyTypes = ['RSA', 'RSA-HSM'];

/** The tag a journaled run puts on the key version it creates: after a restart, the version it made is found by it. */
export const runTag = 'acr-cmk-run';

/** Creates a new version of an existing key, with the type and size of its latest version. */
export async function createKeyVersion(factory: AzureClientFactory, key: KeyIdentifier, tags?: Record<string, string>): Promise<KeyVersionInfo> {
    const latest = await getVaultKey(factory, key.vaultUrl, key.keyName);
    const keyType = String(latest.keyType ?? '');
    // ACR accepts RSA and RSA-HSM keys only; refuse anything else before any change is made.
    if (!supportedKeyTypes.includes(keyType.toUpperCase())) {
        throw new DomainError('KeyTypeNotSupported', { keyId: `${key.vaultUrl}/keys/${key.keyName}`, keyType });
    }
    const keySize = latest.key?.n ? latest.key.n.length * 8 : undefined;
    const created = await createVaultKey(factory, key.vaultUrl, key.keyName, keyType, { ...(keySize ? { keySize } : {}), ...(tags ? { tags } : {}) });
    return { id: created.id ?? '', version: created.properties.version ?? '' };
}
