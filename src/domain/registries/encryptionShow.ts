import type { Registry } from '@azure/arm-containerregistry';

/** The document `az acr encryption show` prints: the registry's `encryption` property, nulls kept, keys sorted. */
export interface EncryptionShowDocument {
    readonly keyVaultProperties: {
        readonly identity: string | null;
        readonly keyIdentifier: string | null;
        readonly keyRotationEnabled: boolean | null;
        readonly lastKeyRotationTimestamp: string | null;
        readonly versionedKeyIdentifier: string | null;
    } | null;
    readonly status: string;
}

export function toEncryptionShowDocument(registry: Registry): EncryptionShowDocument {
    const vault = registry.encryption?.keyVaultProperties;
    return {
        keyVaultProperties: vault
            ? {
                  identity: vault.identity ?? null,
                  keyIdentifier: vault.keyIdentifier ?? null,
                  keyRotationEnabled: vault.keyRotationEnabled ?? null,
                  lastKeyRotationTimestamp: vault.lastKeyRotationTimestamp ? vault.lastKeyRotationTimestamp.toISOString() : null,
                  versionedKeyIdentifier: vault.versionedKeyIdentifier ?? null,
              }
            : null,
        status: registry.encryption?.status ?? 'disabled',
    };
}

export function formatEncryptionShow(registry: Registry): string {
    return `${JSON.stringify(toEncryptionShowDocument(registry), undefined, 2)}\n`;
}
