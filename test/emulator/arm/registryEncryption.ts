import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { Registry, RegistryEncryption, RegistryIdentity, WrappedDataKey } from '../types';
import { ArmError, badRequest } from '../errors';
import { dotnetTime, isGuid, lower } from '../ids';
import { findIdentity, findVaultByName } from '../store';
import type { VaultCaller } from '../keyvault/authorize';
import { authorizeKeyOperation } from '../keyvault/authorize';
import { findKeyVersion, keyUrl } from '../keyvault/keyStore';
import { runKeyOperation } from '../keyvault/keyOperations';
import { digestOf } from '../keyvault/crypto';
import { hasSystemIdentity } from './registryIdentity';

export interface KeyRef {
    vaultName: string;
    keyName: string;
    version?: string;
}
const DATA_KEY_ALGORITHM = 'RSA-OAEP';

/** `encryption.keyVaultProperties` as a registry write sends it (unchecked JSON: establishEncryption checks both fields). */
export interface KeyVaultPropertiesRequest {
    keyIdentifier?: unknown;
    identity?: unknown;
}

export function parseKeyIdentifier(ctx: EmulatorContext, kid: unknown): KeyRef {
    const m = typeof kid === 'string' ? /^https:\/\/([^./]+)\.([^/]+)\/keys\/([^/]+)(?:\/([0-9a-fA-F]{32}))?\/?$/.exec(kid) : null;
    if (!m || `.${lower(m[2]!)}` !== lower(ctx.env.keyVaultDnsSuffix)) {
        throw badRequest(
            'InvalidKeyIdentifier',
            `The key identifier '${String(kid)}' is not a valid Key Vault key URL. Expected https://<vault>${ctx.env.keyVaultDnsSuffix}/keys/<name>[/<version>].`,
        );
    }
    return { vaultName: m[1]!, keyName: m[3]!, version: m[4] ? lower(m[4]) : undefined };
}

export const identityNotAccessible = (registry: Pick<Registry, 'id' | 'name'>, identity: string): ArmError =>
    badRequest(
        'IdentityNotAssociatedWithRegistry',
        `Azure resource '${registry.id}' does not have access to identity '${identity}' Try forcibly adding the identity to the registry ${registry.name}. For more information on bring your own key, please visit 'https://aka.ms/acr/cmk'.`,
    );

/** Who the registry is when it calls Key Vault with `keyVaultProperties.identity` (client id or `system`). */
export function encryptionCaller(
    ctx: EmulatorContext,
    registry: Pick<Registry, 'id' | 'name'>,
    identity: RegistryIdentity | undefined,
    value: unknown,
): VaultCaller {
    if (typeof value === 'string' && lower(value) === 'system') {
        if (!hasSystemIdentity(identity)) {
            throw badRequest(
                'InvalidEncryptionIdentity',
                "keyVaultProperties.identity is 'system' but the registry has no system-assigned identity: identity.type must include SystemAssigned.",
            );
        }
        return { objectId: identity!.principalId!, trustedService: true };
    }
    if (!isGuid(value)) {
        throw badRequest(
            'InvalidEncryptionIdentity',
            `keyVaultProperties.identity must be the client id of a user-assigned identity of the registry, or 'system'; got '${String(value)}'.`,
        );
    }
    for (const [id, entry] of Object.entries(identity?.userAssignedIdentities ?? {})) {
        const live = findIdentity(ctx.world, id);
        if (lower(entry.clientId) === lower(value)) {
            if (!live) throw badRequest('IdentityNotFound', `The user-assigned identity '${id}' (client id ${value}) used for encryption no longer exists.`);
            return { objectId: live.principalId, trustedService: false };
        }
        if (lower(entry.principalId) === lower(value)) {
            throw badRequest(
                'InvalidEncryptionIdentity',
                `keyVaultProperties.identity '${value}' is the principal (object) id of the user-assigned identity '${id}'. ACR expects its client id: '${entry.clientId}'.`,
            );
        }
    }
    if (identity?.principalId && lower(identity.principalId) === lower(value)) {
        throw badRequest(
            'InvalidEncryptionIdentity',
            `keyVaultProperties.identity '${value}' is the principal id of the registry's system-assigned identity. Use 'system' for the system identity.`,
        );
    }
    throw identityNotAccessible(registry, value);
}

/** Proves the identity can get, wrap and unwrap the key (the real operations, through the vault's own checks). */
export function establishEncryption(
    ctx: EmulatorContext,
    registry: Pick<Registry, 'id' | 'name'>,
    identity: RegistryIdentity | undefined,
    kvp: KeyVaultPropertiesRequest,
): { encryption: RegistryEncryption; dataKey: WrappedDataKey } {
    const ref = parseKeyIdentifier(ctx, kvp.keyIdentifier);
    const caller = encryptionCaller(ctx, registry, identity, kvp.identity);
    // both checked above: a Key Vault key URL, and 'system' or a client id
    const keyIdentifier = String(kvp.keyIdentifier);
    const identityValue = String(kvp.identity);
    const vault = findVaultByName(ctx.world, ref.vaultName);
    if (!vault) throw badRequest('KeyVaultNotFound', `The key vault '${ref.vaultName}' of key '${keyIdentifier}' was not found.`);
    const denied = (e: ArmError): ArmError =>
        badRequest(
            'KeyVaultKeyAccessDenied',
            `The identity '${identityValue}' of registry '${registry.name}' cannot use key '${keyIdentifier}' (it needs get, wrapKey and unwrapKey): ${e.code}${e.innerCode ? `/${e.innerCode}` : ''}: ${e.message}`,
        );
    try {
        authorizeKeyOperation(ctx.world, vault, caller, 'get', ref.keyName);
        const { key, version } = findKeyVersion(vault, ref.keyName, ref.version);
        if (!version.kty.startsWith('RSA')) {
            throw badRequest(
                'UnsupportedKeyType',
                `Key '${keyIdentifier}' is of type ${version.kty}; Azure Container Registry supports only RSA or RSA-HSM keys.`,
            );
        }
        const dataKey = randomBytes(32);
        const wrapped = runKeyOperation(ctx, vault, caller, 'wrapKey', key.name, version.version, DATA_KEY_ALGORITHM, dataKey);
        const unwrapped = runKeyOperation(ctx, vault, caller, 'unwrapKey', key.name, version.version, DATA_KEY_ALGORITHM, wrapped.result);
        if (!timingSafeEqual(unwrapped.result, dataKey)) throw badRequest('KeyVaultKeyAccessDenied', 'The unwrapped data key does not match.');
        const versioned = keyUrl(ctx, vault, key.name, version.version);
        return {
            encryption: {
                status: 'enabled',
                keyVaultProperties: {
                    keyIdentifier,
                    versionedKeyIdentifier: versioned,
                    identity: lower(identityValue) === 'system' ? 'system' : lower(identityValue),
                    keyRotationEnabled: !ref.version,
                },
            },
            dataKey: { wrappedKey: wrapped.result.toString('base64'), algorithm: DATA_KEY_ALGORITHM, keyId: versioned, digest: digestOf(dataKey) },
        };
    } catch (e) {
        if (e instanceof ArmError && e.status !== 400) throw denied(e);
        throw e;
    }
}

export const rotationTimestamp = (ctx: EmulatorContext): string => dotnetTime('+00:00', ctx.clock.date());
