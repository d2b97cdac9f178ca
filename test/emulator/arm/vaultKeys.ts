import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResponse, KeyVersion, Vault, VaultKey } from '../types';
import { ArmError, badRequest, resourceNotFound } from '../errors';
import { lower } from '../ids';
import { pageOf } from '../paging';
import { createKeyVersion, keyUrl, recoveryLevel, type KeyCreateParams } from '../keyvault/keyStore';
import { armBase, route, rx, RG, ok, type Route } from './route';
import { requireVault } from './vaultLifecycle';

// `Microsoft.KeyVault/vaults/keys`: the control-plane key resource ARM templates and Bicep use
// (Keys_CreateIfNotExist / Keys_Get / Keys_List / Keys_GetVersion / Keys_ListVersions).
//
// Authorization: this is a management-plane write (`Microsoft.KeyVault/vaults/keys/write`), decided by Azure RBAC
// on the control plane, never by the vault's access policies, its RBAC data actions or its firewall. The emulator
// has no management-plane RBAC (README: every authenticated principal may manage everything), so an authenticated
// ARM caller passes, exactly as for `PUT …/vaults/{v}`; `authorizeKeyOperation` (data plane) is deliberately not called.
//
// The key is the vault's own key (keyStore): the data plane serves it, and its RSA material wraps/unwraps.

export const KEY_TYPE = 'Microsoft.KeyVault/vaults/keys';
const VERSION_TYPE = 'Microsoft.KeyVault/vaults/keys/versions';
const KTYS = ['RSA', 'RSA-HSM', 'EC', 'EC-HSM'];
const RSA_SIZES = [2048, 3072, 4096];
const CURVES = ['P-256', 'P-384', 'P-521', 'P-256K'];
const KEY_OPS = ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey', 'import', 'release'];
const ACTION_TYPES: Record<string, string> = { rotate: 'Rotate', notify: 'Notify' };

const keyResourceId = (vault: Vault, key: VaultKey): string => `${vault.id}/keys/${key.name}`;
const current = (key: VaultKey): KeyVersion => key.versions[key.versions.length - 1]!;

function armAttributes(vault: Vault, version: KeyVersion): Record<string, unknown> {
    const a = version.attributes;
    return {
        enabled: a.enabled,
        ...(a.nbf !== undefined ? { nbf: a.nbf } : {}),
        ...(a.exp !== undefined ? { exp: a.exp } : {}),
        created: a.created,
        updated: a.updated,
        recoveryLevel: recoveryLevel(vault),
        exportable: false,
    };
}

/** The data plane keeps Key Vault's rotation policy (`Rotate`/`Notify`); ARM spells the action types in lower case. */
function armRotationPolicy(policy: unknown): Record<string, unknown> | undefined {
    if (!policy || typeof policy !== 'object') return undefined;
    const p = policy as { lifetimeActions?: { trigger?: unknown; action?: { type?: string } }[]; attributes?: Record<string, unknown> };
    return {
        attributes: p.attributes ?? {},
        lifetimeActions: (p.lifetimeActions ?? []).map((la) => ({ trigger: la.trigger ?? {}, action: { type: lower(la.action?.type ?? '') } })),
    };
}

/** Full key resource (PUT, GET, GET version). */
function keyJson(ctx: EmulatorContext, vault: Vault, key: VaultKey, version: KeyVersion, asVersion = false): Record<string, unknown> {
    const policy = asVersion ? undefined : armRotationPolicy(key.rotationPolicy);
    return {
        id: asVersion ? `${keyResourceId(vault, key)}/versions/${version.version}` : keyResourceId(vault, key),
        name: asVersion ? version.version : key.name,
        type: asVersion ? VERSION_TYPE : KEY_TYPE,
        location: vault.location,
        tags: version.tags,
        properties: {
            attributes: armAttributes(vault, version),
            kty: version.kty,
            keyOps: version.keyOps,
            ...(version.keySize !== undefined ? { keySize: version.keySize } : {}),
            ...(version.crv ? { curveName: version.crv } : {}),
            keyUri: keyUrl(ctx, vault, key.name),
            keyUriWithVersion: keyUrl(ctx, vault, key.name, version.version),
            ...(policy ? { rotationPolicy: policy } : {}),
        },
    };
}

function liveKey(vault: Vault, name: string, rg: string): VaultKey {
    const key = vault.keys[lower(name)];
    if (!key || key.deleted) throw resourceNotFound(KEY_TYPE, `${vault.name}/${name}`, rg);
    return key;
}

function validateRotationPolicy(value: unknown): { lifetimeActions: unknown[]; attributes: Record<string, unknown> } | undefined {
    if (value === undefined || value === null) return undefined;
    const p = value as { lifetimeActions?: unknown; attributes?: { expiryTime?: unknown } };
    if (typeof value !== 'object' || (p.lifetimeActions !== undefined && !Array.isArray(p.lifetimeActions))) {
        throw badRequest('BadRequest', "The property 'properties.rotationPolicy' must be an object with a lifetimeActions array.");
    }
    const lifetimeActions = (
        (p.lifetimeActions ?? []) as { trigger?: { timeAfterCreate?: unknown; timeBeforeExpiry?: unknown }; action?: { type?: unknown } }[]
    ).map((la, i) => {
        const type = ACTION_TYPES[lower(String(la?.action?.type ?? ''))];
        if (!type) {
            throw badRequest(
                'BadRequest',
                `The property 'properties.rotationPolicy.lifetimeActions[${i}].action.type' has an invalid value '${String(la?.action?.type)}'. Supported values: rotate, notify.`,
            );
        }
        const { timeAfterCreate, timeBeforeExpiry } = la.trigger ?? {};
        if (typeof timeAfterCreate !== 'string' && typeof timeBeforeExpiry !== 'string') {
            throw badRequest(
                'BadRequest',
                `The property 'properties.rotationPolicy.lifetimeActions[${i}].trigger' must set timeAfterCreate or timeBeforeExpiry (an ISO 8601 duration such as 'P90D').`,
            );
        }
        return {
            trigger: {
                ...(typeof timeAfterCreate === 'string' ? { timeAfterCreate } : {}),
                ...(typeof timeBeforeExpiry === 'string' ? { timeBeforeExpiry } : {}),
            },
            action: { type },
        };
    });
    const expiryTime = p.attributes?.expiryTime;
    if (expiryTime !== undefined && typeof expiryTime !== 'string') {
        throw badRequest('BadRequest', "The property 'properties.rotationPolicy.attributes.expiryTime' must be an ISO 8601 duration such as 'P1Y'.");
    }
    return { lifetimeActions, attributes: expiryTime !== undefined ? { expiryTime } : {} };
}

/** The request body of Keys_CreateIfNotExist, checked and translated to the data plane's key-create parameters. */
export function parseKeyCreate(
    vault: Vault,
    name: string,
    body: unknown,
): { params: KeyCreateParams; rotationPolicy?: ReturnType<typeof validateRotationPolicy> } {
    if (!/^[a-zA-Z0-9-]{1,127}$/.test(name)) {
        throw badRequest(
            'BadRequest',
            `The key name '${name}' is invalid. A key name must be 1-127 characters long and contain only letters, digits and hyphens.`,
        );
    }
    const b = (body ?? {}) as { tags?: unknown; properties?: Record<string, unknown> };
    const props = b.properties;
    if (!props || typeof props !== 'object' || Array.isArray(props)) {
        throw badRequest('BadRequest', "The request body must contain the 'properties' object of the key to create.");
    }
    const kty = props.kty;
    if (typeof kty !== 'string' || !KTYS.includes(kty)) {
        throw badRequest('BadRequest', `The property 'properties.kty' has an invalid value '${String(kty)}'. Supported values: ${KTYS.join(', ')}.`);
    }
    if (kty.endsWith('-HSM') && lower(vault.properties.sku.name) !== 'premium') {
        throw badRequest(
            'BadRequest',
            `The key type '${kty}' (HSM-protected) requires a Premium SKU key vault; vault '${vault.name}' is ${vault.properties.sku.name}.`,
        );
    }
    const rsa = kty.startsWith('RSA');
    const keySize = props.keySize ?? (rsa ? 2048 : undefined);
    if (rsa && (typeof keySize !== 'number' || !RSA_SIZES.includes(keySize))) {
        throw badRequest(
            'BadRequest',
            `The property 'properties.keySize' has an invalid value '${String(keySize)}' for key type ${kty}. Supported values: ${RSA_SIZES.join(', ')}.`,
        );
    }
    if (!rsa && props.keySize !== undefined) {
        throw badRequest('BadRequest', `The property 'properties.keySize' is not allowed for key type ${kty}; use 'properties.curveName'.`);
    }
    const curveName = props.curveName ?? (rsa ? undefined : 'P-256');
    if (!rsa && (typeof curveName !== 'string' || !CURVES.includes(curveName))) {
        throw badRequest(
            'BadRequest',
            `The property 'properties.curveName' has an invalid value '${String(curveName)}'. Supported values: ${CURVES.join(', ')}.`,
        );
    }
    if (rsa && props.curveName !== undefined) throw badRequest('BadRequest', `The property 'properties.curveName' is not allowed for key type ${kty}.`);
    let keyOps: string[] | undefined;
    if (props.keyOps !== undefined) {
        if (!Array.isArray(props.keyOps)) throw badRequest('BadRequest', "The property 'properties.keyOps' must be an array.");
        keyOps = props.keyOps.map((op) => {
            const known = KEY_OPS.find((k) => lower(k) === lower(String(op)));
            if (!known) {
                throw badRequest(
                    'BadRequest',
                    `The property 'properties.keyOps' has an invalid value '${String(op)}'. Supported values: ${KEY_OPS.join(', ')}.`,
                );
            }
            return known;
        });
    }
    const attrs = (props.attributes ?? {}) as { enabled?: unknown; nbf?: unknown; exp?: unknown; exportable?: unknown };
    if (typeof attrs !== 'object') throw badRequest('BadRequest', "The property 'properties.attributes' must be an object.");
    if (attrs.enabled !== undefined && typeof attrs.enabled !== 'boolean') {
        throw badRequest('BadRequest', "The property 'properties.attributes.enabled' must be a boolean.");
    }
    for (const field of ['nbf', 'exp'] as const) {
        if (attrs[field] !== undefined && !Number.isInteger(attrs[field])) {
            throw badRequest('BadRequest', `The property 'properties.attributes.${field}' must be seconds since 1970-01-01T00:00:00Z.`);
        }
    }
    if (attrs.exportable === true || props.release_policy !== undefined) {
        throw badRequest(
            'BadRequest',
            'Exportable keys and key release policies (properties.attributes.exportable, properties.release_policy) are not supported by the emulator.',
        );
    }
    if (
        b.tags !== undefined &&
        (typeof b.tags !== 'object' || b.tags === null || Array.isArray(b.tags) || Object.values(b.tags).some((v) => typeof v !== 'string'))
    ) {
        throw badRequest('BadRequest', "The property 'tags' must be an object of string values.");
    }
    return {
        params: {
            kty,
            ...(rsa ? { key_size: keySize as number } : { crv: curveName as string }),
            ...(keyOps ? { key_ops: keyOps } : {}),
            attributes: {
                ...(typeof attrs.enabled === 'boolean' ? { enabled: attrs.enabled } : {}),
                ...(attrs.nbf !== undefined ? { nbf: attrs.nbf as number } : {}),
                ...(attrs.exp !== undefined ? { exp: attrs.exp as number } : {}),
            },
            tags: (b.tags as Record<string, string> | undefined) ?? {},
        },
        rotationPolicy: validateRotationPolicy(props.rotationPolicy),
    };
}

// Two concurrent PUTs of one new key must still create a single first version (key material is taken asynchronously).
const creating = new WeakMap<Vault, Map<string, Promise<VaultKey>>>();

async function createIfNotExist(ctx: EmulatorContext, req: ArmRequest, p: Record<string, string>): Promise<ArmResponse> {
    const vault = requireVault(ctx, p.sub!, p.rg!, p.vault!);
    const { params, rotationPolicy } = parseKeyCreate(vault, p.key!, req.body);
    const existing = vault.keys[lower(p.key!)];
    if (existing?.deleted) {
        throw new ArmError(
            409,
            'Conflict',
            `Key ${existing.name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged.`,
        );
    }
    // As Azure (Keys_CreateIfNotExist): an existing key is returned as it is, without any write — no new version,
    // nothing of the (still validated) body applied.
    if (existing) return ok(keyJson(ctx, vault, existing, current(existing)));
    const pending = creating.get(vault) ?? new Map<string, Promise<VaultKey>>();
    creating.set(vault, pending);
    let job = pending.get(lower(p.key!));
    if (!job) {
        job = (async () => {
            await createKeyVersion(ctx, vault, p.key!, params);
            const key = vault.keys[lower(p.key!)]!;
            if (rotationPolicy) {
                const now = ctx.clock.nowSeconds();
                key.rotationPolicy = {
                    id: `${keyUrl(ctx, vault, key.name)}/rotationpolicy`,
                    lifetimeActions: rotationPolicy.lifetimeActions,
                    attributes: { ...rotationPolicy.attributes, created: now, updated: now },
                };
            }
            return key;
        })().finally(() => pending.delete(lower(p.key!)));
        pending.set(lower(p.key!), job);
    }
    const key = await job;
    return ok(keyJson(ctx, vault, key, current(key)));
}

const KEYS = `${RG}/providers/Microsoft\\.KeyVault/vaults/(?<vault>[^/]+)/keys`;
export const vaultKeyRoutes: Route[] = [
    route('GET', rx(KEYS), (ctx, req, p) => {
        const vault = requireVault(ctx, p.sub!, p.rg!, p.vault!);
        const items = Object.values(vault.keys)
            .filter((k) => !k.deleted)
            .map((k) => ({
                id: keyResourceId(vault, k),
                name: k.name,
                type: KEY_TYPE,
                location: vault.location,
                tags: current(k).tags,
                properties: { attributes: armAttributes(vault, current(k)), keyUri: keyUrl(ctx, vault, k.name) },
            }));
        return ok(pageOf(items, req.query, `${armBase(ctx)}${req.path}`, '$top', 25));
    }),
    route('PUT', rx(`${KEYS}/(?<key>[^/]+)`), (ctx, req, p) => createIfNotExist(ctx, req, p)),
    route('GET', rx(`${KEYS}/(?<key>[^/]+)`), (ctx, _req, p) => {
        const vault = requireVault(ctx, p.sub!, p.rg!, p.vault!);
        const key = liveKey(vault, p.key!, p.rg!);
        return ok(keyJson(ctx, vault, key, current(key)));
    }),
    route('GET', rx(`${KEYS}/(?<key>[^/]+)/versions`), (ctx, req, p) => {
        const vault = requireVault(ctx, p.sub!, p.rg!, p.vault!);
        const key = liveKey(vault, p.key!, p.rg!);
        const items = key.versions.map((v) => ({
            id: `${keyResourceId(vault, key)}/versions/${v.version}`,
            name: v.version,
            type: VERSION_TYPE,
            location: vault.location,
            tags: v.tags,
            properties: {
                attributes: armAttributes(vault, v),
                keyUri: keyUrl(ctx, vault, key.name),
                keyUriWithVersion: keyUrl(ctx, vault, key.name, v.version),
            },
        }));
        return ok(pageOf(items, req.query, `${armBase(ctx)}${req.path}`, '$top', 25));
    }),
    route('GET', rx(`${KEYS}/(?<key>[^/]+)/versions/(?<version>[^/]+)`), (ctx, _req, p) => {
        const vault = requireVault(ctx, p.sub!, p.rg!, p.vault!);
        const key = liveKey(vault, p.key!, p.rg!);
        const version = key.versions.find((v) => v.version === lower(p.version!));
        if (!version) throw resourceNotFound(VERSION_TYPE, `${vault.name}/${key.name}/${p.version}`, p.rg);
        return ok(keyJson(ctx, vault, key, version, true));
    }),
];
