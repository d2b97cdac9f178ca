import type { Registry } from '@azure/arm-containerregistry';
import type { CloudConfig } from '../cloud/CloudConfig';
import { isDomainError, type DomainError } from '../errors';
import { parseKeyIdentifier, type KeyIdentifier } from '../keys/keyIdentifier';
import { resolveEncryptionIdentity, type EncryptionIdentity } from './identity';
import { azureResourceOf, type AzureResource } from '../util/resourceId';

export interface CustomerManagedKeyState {
    readonly status: 'enabled';
    readonly keyIdentifier: string;
    readonly versionedKeyIdentifier?: string;
    /** Parsed `keyIdentifier`; undefined when it does not parse (then `keyError` says why). */
    readonly key?: KeyIdentifier;
    readonly keyError?: DomainError;
    /** The version actually in use (from `versionedKeyIdentifier`, else from a versioned `keyIdentifier`). */
    readonly currentVersion?: string;
    /** `automatic` for a versionless key identifier: ACR follows the latest version. */
    readonly rotation: 'automatic' | 'manual';
    readonly identity?: EncryptionIdentity;
    readonly lastKeyRotation?: Date;
}

export type EncryptionState = { readonly status: 'disabled' } | CustomerManagedKeyState;

export interface RegistrySummary extends AzureResource {
    readonly location: string;
    readonly sku: string;
    readonly loginServer?: string;
    readonly provisioningState?: string;
    readonly identityType?: string;
    readonly encryption: EncryptionState;
    /** The registry as returned by ARM, kept for `encryption show` and later flows. */
    readonly raw: Registry;
}

export function toRegistrySummary(registry: Registry, cloud: CloudConfig): RegistrySummary {
    return {
        ...azureResourceOf(registry),
        location: registry.location,
        sku: registry.sku?.name ?? '',
        loginServer: registry.loginServer,
        provisioningState: registry.provisioningState,
        identityType: registry.identity?.type,
        encryption: toEncryptionState(registry, cloud),
        raw: registry,
    };
}

export function toEncryptionState(registry: Registry, cloud: CloudConfig): EncryptionState {
    const encryption = registry.encryption;
    const vaultProperties = encryption?.keyVaultProperties;
    if (encryption?.status?.toLowerCase() !== 'enabled' || !vaultProperties?.keyIdentifier) {
        return { status: 'disabled' };
    }
    const { key, keyError } = tryParseKey(vaultProperties.keyIdentifier, cloud);
    const versioned = vaultProperties.versionedKeyIdentifier ? tryParseKey(vaultProperties.versionedKeyIdentifier, cloud).key : undefined;
    return {
        status: 'enabled',
        keyIdentifier: vaultProperties.keyIdentifier,
        versionedKeyIdentifier: vaultProperties.versionedKeyIdentifier,
        key,
        keyError,
        currentVersion: versioned?.version ?? key?.version,
        rotation: key ? (key.version ? 'manual' : 'automatic') : vaultProperties.keyRotationEnabled ? 'automatic' : 'manual',
        identity: resolveEncryptionIdentity(vaultProperties.identity, registry.identity),
        lastKeyRotation: vaultProperties.lastKeyRotationTimestamp,
    };
}

function tryParseKey(text: string, cloud: CloudConfig): { key?: KeyIdentifier; keyError?: DomainError } {
    try {
        return { key: parseKeyIdentifier(text, cloud) };
    } catch (error) {
        if (isDomainError(error)) {
            return { keyError: error };
        }
        throw error;
    }
}
