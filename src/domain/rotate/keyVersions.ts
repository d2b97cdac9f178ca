import { getVaultKey } from '../azure/vaultKeys';
import { createVaultKey } from '../azure/vaultKeyChanges';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import type { KeyIdentifier } from '../keys/keyIdentifier';

export interface KeyVersionInfo {
    /** Versioned key id as Key Vault reports it. */
    readonly id: string;
    readonly version: string;
    readonly keyType: string;
    readonly keySize?: number;
    readonly enabled: boolean;
    readonly createdOn?: Date;
}

const supportedKeyTypes = ['RSA', 'RSA-HSM'];

/** The tag a journaled run puts on the key version it creates: after a restart, the version it made is found by it. */
export const runTag = 'acr-cmk-run';

/** Reads a key (a given version, or the latest) from the vault's data plane. */
export async function getKeyVersion(factory: AzureClientFactory, key: KeyIdentifier): Promise<KeyVersionInfo> {
    const found = await getVaultKey(factory, key.vaultUrl, key.keyName, key.version);
    return {
        id: found.id ?? '',
        version: found.properties.version ?? '',
        keyType: String(found.keyType ?? ''),
        keySize: found.key?.n ? found.key.n.length * 8 : undefined,
        enabled: found.properties.enabled !== false,
        createdOn: found.properties.createdOn,
    };
}

/** ACR accepts RSA and RSA-HSM keys only; refuse anything else before any change is made. */
export function requireSupportedKeyType(info: KeyVersionInfo, keyId: string): void {
    if (!supportedKeyTypes.includes(info.keyType.toUpperCase())) {
        throw new DomainError('KeyTypeNotSupported', { keyId, keyType: info.keyType });
    }
}

/** Creates a new version of an existing key, with the type and size of its latest version. */
export async function createKeyVersion(factory: AzureClientFactory, key: KeyIdentifier, tags?: Record<string, string>): Promise<KeyVersionInfo> {
    const latest = await getKeyVersion(factory, { ...key, version: undefined });
    requireSupportedKeyType(latest, `${key.vaultUrl}/keys/${key.keyName}`);
    const created = await createVaultKey(factory, key.vaultUrl, key.keyName, latest.keyType, {
        ...(latest.keySize ? { keySize: latest.keySize } : {}),
        ...(tags ? { tags } : {}),
    });
    return {
        id: created.id ?? '',
        version: created.properties.version ?? '',
        keyType: String(created.keyType ?? latest.keyType),
        keySize: latest.keySize,
        enabled: created.properties.enabled !== false,
        createdOn: created.properties.createdOn,
    };
}
