import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { KeyVersion, Vault, VaultKey } from '../types';
import { ArmError, badRequest, forbidden } from '../errors';
import { keyVersionId, lower } from '../ids';
import { keyObjects } from './crypto';

export interface KeyCreateParams {
    kty?: string;
    key_size?: number;
    crv?: string;
    key_ops?: string[];
    attributes?: { enabled?: boolean; exp?: number; nbf?: number };
    tags?: Record<string, string>;
}

const RSA_OPS = ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'];
/** Operations that protect something new, refused from `exp` on. */
const PROTECTING = new Set(['encrypt', 'wrapkey', 'sign']);
const CURVES: Record<string, string> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1', 'P-256K': 'secp256k1' };

export const vaultBaseUrl = (ctx: EmulatorContext, vault: Vault): string => `https://${lower(vault.name)}${ctx.env.keyVaultDnsSuffix}`;
export const keyUrl = (ctx: EmulatorContext, vault: Vault, name: string, version?: string): string =>
    `${vaultBaseUrl(ctx, vault)}/keys/${name}${version ? `/${version}` : ''}`;

export const keyNotFound = (name: string, version?: string): ArmError =>
    new ArmError(
        404,
        'KeyNotFound',
        `A key with (name/id) ${name}${version ? `/${version}` : ''} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
    );

/** Makes real key material for a new key version: RSA from the pool (fast), EC generated now. */
async function material(ctx: EmulatorContext, kty: string, size: number, crv: string): Promise<{ materialId: string; publicJwk: Record<string, string> }> {
    if (kty.startsWith('RSA')) {
        const pooled = await ctx.keyPool.take(size);
        ctx.world.keyMaterial[pooled.id] = pooled.pem;
        ctx.issued.privateKey(pooled.pem);
        const jwk = keyObjects(ctx.world, pooled.id).publicKey.export({ format: 'jwk' });
        return { materialId: pooled.id, publicJwk: { n: jwk.n!, e: jwk.e! } };
    }
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: CURVES[crv]! });
    const materialId = `ec-${keyVersionId()}`;
    ctx.world.keyMaterial[materialId] = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    ctx.issued.privateKey(ctx.world.keyMaterial[materialId]!);
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
    return { materialId, publicJwk: { crv, x: jwk.x!, y: jwk.y! } };
}

export async function createKeyVersion(ctx: EmulatorContext, vault: Vault, name: string, params: KeyCreateParams): Promise<KeyVersion> {
    const kty = params.kty ?? '';
    if (!['RSA', 'RSA-HSM', 'EC', 'EC-HSM'].includes(kty)) {
        throw badRequest('BadParameter', `Property kty has invalid value '${kty}'. Supported: RSA, RSA-HSM, EC, EC-HSM.`);
    }
    if (kty.endsWith('-HSM') && lower(vault.properties.sku.name) !== 'premium') {
        throw badRequest('BadParameter', 'HSM-protected keys (RSA-HSM, EC-HSM) require a Premium SKU key vault.');
    }
    const size = params.key_size ?? 2048;
    if (kty.startsWith('RSA') && ![2048, 3072, 4096].includes(size)) {
        throw badRequest('BadParameter', `Property key_size has invalid value ${size}. Supported: 2048, 3072, 4096.`);
    }
    const crv = params.crv ?? 'P-256';
    if (kty.startsWith('EC') && !CURVES[crv]) throw badRequest('BadParameter', `Property crv has invalid value '${crv}'.`);
    if (!/^[0-9a-zA-Z-]{1,127}$/.test(name)) throw badRequest('BadParameter', 'The request URI contains an invalid name: ' + name);
    const { materialId, publicJwk } = await material(ctx, kty, size, crv);
    const now = ctx.clock.nowSeconds();
    const version: KeyVersion = {
        version: keyVersionId(),
        kty,
        materialId,
        publicJwk,
        tags: params.tags ?? {},
        keyOps: params.key_ops ?? (kty.startsWith('RSA') ? RSA_OPS : ['sign', 'verify']),
        attributes: { enabled: params.attributes?.enabled ?? true, created: now, updated: now, exp: params.attributes?.exp, nbf: params.attributes?.nbf },
        ...(kty.startsWith('RSA') ? { keySize: size } : { crv }),
    };
    const key: VaultKey = vault.keys[lower(name)] ?? { name, versions: [] };
    key.versions.push(version);
    vault.keys[lower(name)] = key;
    return version;
}

/** A live (not deleted) key and one of its versions (the current one when `version` is empty). */
export function findKeyVersion(vault: Vault, name: string, version?: string): { key: VaultKey; version: KeyVersion } {
    const key = vault.keys[lower(name)];
    if (!key || key.deleted) throw keyNotFound(name, version);
    const found = version ? key.versions.find((v) => v.version === lower(version)) : key.versions[key.versions.length - 1];
    if (!found) throw keyNotFound(name, version);
    return { key, version: found };
}

/**
 * Key state checks Key Vault applies before a cryptographic operation. Key Vault's "Date-time controlled operations"
 * (about-keys-details): not-yet-valid and expired keys, outside the nbf / exp window, still work for decrypt, unwrap
 * and verify (so data protected while the key was valid stays readable); encrypt, wrap and sign are refused (403).
 */
export function assertUsable(version: KeyVersion, operation: string, now: number): void {
    if (!version.attributes.enabled) throw forbidden('KeyDisabled', `Operation ${operation} is not allowed on a disabled key.`);
    if (version.attributes.exp !== undefined && version.attributes.exp <= now && PROTECTING.has(lower(operation))) {
        throw forbidden('KeyExpired', `Operation ${operation} is not allowed on an expired key.`);
    }
    if (version.attributes.nbf !== undefined && version.attributes.nbf > now && PROTECTING.has(lower(operation))) {
        throw forbidden('KeyNotYetValid', `Operation ${operation} is not allowed on a key that is not yet valid.`);
    }
    if (!version.keyOps.some((op) => lower(op) === lower(operation))) {
        throw forbidden('KeyOperationForbidden', `Operation ${operation} is not permitted on this key.`);
    }
}

export function attributesJson(vault: Vault, version: KeyVersion): Record<string, unknown> {
    const a = version.attributes;
    return {
        enabled: a.enabled,
        created: a.created,
        updated: a.updated,
        ...(a.exp !== undefined ? { exp: a.exp } : {}),
        ...(a.nbf !== undefined ? { nbf: a.nbf } : {}),
        recoverableDays: vault.properties.softDeleteRetentionInDays,
        recoveryLevel: recoveryLevel(vault),
        exportable: false,
        ...(version.kty.endsWith('-HSM') ? {} : { hsmPlatform: '0' }),
    };
}

/** Key Vault's deletion recovery level: `Customized…` when the retention is shorter than 90 days, `+Purgeable` without purge protection. */
export function recoveryLevel(vault: Vault): string {
    const p = vault.properties;
    return `${p.softDeleteRetentionInDays < 90 ? 'CustomizedRecoverable' : 'Recoverable'}${p.enablePurgeProtection ? '' : '+Purgeable'}`;
}

export function keyBundle(ctx: EmulatorContext, vault: Vault, key: VaultKey, version: KeyVersion): Record<string, unknown> {
    return {
        key: { kid: keyUrl(ctx, vault, key.name, version.version), kty: version.kty, key_ops: version.keyOps, ...version.publicJwk },
        // Key Vault leaves `tags` out of a key without tags.
        attributes: attributesJson(vault, version),
        ...(version.tags && Object.keys(version.tags).length ? { tags: version.tags } : {}),
    };
}
