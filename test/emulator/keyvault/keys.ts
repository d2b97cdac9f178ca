import type { EmulatorContext } from '../context';
import type { ArmResponse, Principal, Vault } from '../types';
import { ArmError, badRequest, forbidden } from '../errors';
import { lower } from '../ids';
import { authorizeKeyOperation, type KeyPermission, type VaultCaller } from './authorize';
import { attributesJson, createKeyVersion, findKeyVersion, keyBundle, keyNotFound, keyUrl, vaultBaseUrl, type KeyCreateParams } from './keyStore';
import { runKeyOperation, type CryptoOperation } from './keyOperations';
import { pageOf } from '../paging';

const CRYPTO_PATHS: Record<string, CryptoOperation> = { wrapkey: 'wrapKey', unwrapkey: 'unwrapKey', encrypt: 'encrypt', decrypt: 'decrypt' };

interface VaultRequest {
    method: string;
    segments: string[];
    query: Record<string, string>;
    /** the parsed JSON body, unchecked: each operation views it through its request shape */
    body: unknown;
    caller: VaultCaller;
}

/** The Key Vault keys data plane for one vault (already authenticated; authorization happens per operation). */
export async function handleKeys(ctx: EmulatorContext, vault: Vault, req: VaultRequest): Promise<ArmResponse> {
    const [collection, name, third, fourth] = req.segments;
    const allow = (permission: KeyPermission): void => authorizeKeyOperation(ctx.world, vault, req.caller, permission, name);
    if (collection === 'keys' && !name && req.method === 'GET') {
        allow('list');
        return listKeys(ctx, vault, req.query);
    }
    if (collection === 'deletedkeys') return deletedKeys(ctx, vault, req, allow);
    if (collection !== 'keys' || !name) throw new ArmError(404, 'NotFound', 'The requested resource was not found.');
    const { method } = req;
    if (method === 'POST' && third === 'create') {
        allow('create');
        if (vault.keys[lower(name)]?.deleted) throw conflictDeleted(name);
        const version = await createKeyVersion(ctx, vault, name, req.body as KeyCreateParams);
        return { status: 200, body: keyBundle(ctx, vault, vault.keys[lower(name)]!, version) };
    }
    if (method === 'POST' && third === 'rotate') {
        allow('rotate');
        const { version: current } = findKeyVersion(vault, name);
        // A version made by rotation expires after the policy's expiryTime (recorded: exp = created + P30D).
        const lifetime = expiryTimeSeconds(vault.keys[lower(name)]?.rotationPolicy?.attributes?.expiryTime);
        const version = await createKeyVersion(ctx, vault, name, {
            kty: current.kty,
            key_size: current.keySize,
            crv: current.crv,
            key_ops: current.keyOps,
            tags: current.tags,
        });
        // Counted from the version's own creation: making the key material can cross a second, and exp - created must stay exact.
        if (lifetime) version.attributes.exp = version.attributes.created + lifetime;
        return { status: 200, body: keyBundle(ctx, vault, vault.keys[lower(name)]!, version) };
    }
    if (third === 'rotationpolicy') return rotationPolicy(ctx, vault, name, req, allow);
    if (method === 'GET' && third === 'versions') {
        allow('list');
        return listVersions(ctx, vault, name, req.query);
    }
    const operation = CRYPTO_PATHS[fourth ?? ''] ?? (third && !fourth ? CRYPTO_PATHS[third] : undefined);
    if (method === 'POST' && operation) {
        const version = fourth ? third : undefined;
        const { alg, value } = (req.body ?? {}) as { alg?: string; value?: string };
        if (!alg || typeof value !== 'string') throw badRequest('BadParameter', 'The request body must contain alg and value.');
        const done = runKeyOperation(ctx, vault, req.caller, operation, name, version || undefined, alg, Buffer.from(value, 'base64url'));
        return { status: 200, body: { kid: done.kid, value: done.result.toString('base64url') } };
    }
    if (method === 'GET') {
        allow('get');
        const f = findKeyVersion(vault, name, third || undefined);
        return { status: 200, body: keyBundle(ctx, vault, f.key, f.version) };
    }
    if (method === 'PATCH') return updateKey(ctx, vault, name, third || undefined, req.body, allow);
    if (method === 'DELETE' && !third) return deleteKey(ctx, vault, name, allow);
    throw new ArmError(405, 'MethodNotAllowed', `${method} is not supported on this resource.`);
}

const conflictDeleted = (name: string): ArmError =>
    new ArmError(
        409,
        'Conflict',
        `Key ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged.`,
        undefined,
        'ObjectIsDeletedButRecoverable',
    );

function listKeys(ctx: EmulatorContext, vault: Vault, query: Record<string, string>): ArmResponse {
    const items = Object.values(vault.keys)
        .filter((k) => !k.deleted)
        .map((k) => {
            const v = k.versions[k.versions.length - 1]!;
            return { kid: keyUrl(ctx, vault, k.name), attributes: attributesJson(vault, v), tags: v.tags };
        });
    return { status: 200, body: pageOf(items, query, `${vaultBaseUrl(ctx, vault)}/keys`, 'maxresults') };
}

function listVersions(ctx: EmulatorContext, vault: Vault, name: string, query: Record<string, string>): ArmResponse {
    const key = vault.keys[lower(name)];
    if (!key || key.deleted) throw keyNotFound(name);
    const items = key.versions.map((v) => ({ kid: keyUrl(ctx, vault, key.name, v.version), attributes: attributesJson(vault, v), tags: v.tags }));
    return { status: 200, body: pageOf(items, query, `${vaultBaseUrl(ctx, vault)}/keys/${key.name}/versions`, 'maxresults') };
}

/** Key Vault's KeyUpdateParameters as the client sends them. */
interface KeyUpdateRequest {
    attributes?: { enabled?: boolean; exp?: number | null; nbf?: number | null };
    key_ops?: unknown;
    tags?: Record<string, string>;
}

function updateKey(
    ctx: EmulatorContext,
    vault: Vault,
    name: string,
    version: string | undefined,
    sent: unknown,
    allow: (p: KeyPermission) => void,
): ArmResponse {
    allow('update');
    const found = findKeyVersion(vault, name, version);
    const body = sent as KeyUpdateRequest | undefined;
    const attrs = body?.attributes ?? {};
    const a = found.version.attributes;
    if (typeof attrs.enabled === 'boolean') a.enabled = attrs.enabled;
    if (attrs.exp !== undefined) a.exp = attrs.exp ?? undefined;
    if (attrs.nbf !== undefined) a.nbf = attrs.nbf ?? undefined;
    if (Array.isArray(body?.key_ops)) found.version.keyOps = body.key_ops;
    if (body?.tags) found.version.tags = body.tags;
    a.updated = ctx.clock.nowSeconds();
    return { status: 200, body: keyBundle(ctx, vault, found.key, found.version) };
}

function deletedBundle(ctx: EmulatorContext, vault: Vault, name: string): Record<string, unknown> {
    const key = vault.keys[lower(name)]!;
    const current = key.versions[key.versions.length - 1]!;
    return {
        ...keyBundle(ctx, vault, key, current),
        recoveryId: `${vaultBaseUrl(ctx, vault)}/deletedkeys/${key.name}`,
        deletedDate: key.deleted!.deletedDate,
        scheduledPurgeDate: key.deleted!.scheduledPurgeDate,
    };
}

function deleteKey(ctx: EmulatorContext, vault: Vault, name: string, allow: (p: KeyPermission) => void): ArmResponse {
    allow('delete');
    const { key } = findKeyVersion(vault, name);
    const now = ctx.clock.nowSeconds();
    key.deleted = { deletedDate: now, scheduledPurgeDate: now + vault.properties.softDeleteRetentionInDays * 86400 };
    return { status: 200, body: deletedBundle(ctx, vault, name) };
}

function deletedKeys(ctx: EmulatorContext, vault: Vault, req: VaultRequest, allow: (p: KeyPermission) => void): ArmResponse {
    const [, name, action] = req.segments;
    if (!name && req.method === 'GET') {
        allow('list');
        const items = Object.values(vault.keys)
            .filter((k) => k.deleted)
            .map((k) => deletedBundle(ctx, vault, k.name));
        return { status: 200, body: pageOf(items, req.query, `${vaultBaseUrl(ctx, vault)}/deletedkeys`, 'maxresults') };
    }
    const key = name ? vault.keys[lower(name)] : undefined;
    const missing = (): ArmError => new ArmError(404, 'KeyNotFound', `Deleted Key not found: ${name}`);
    if (req.method === 'GET' && !action) {
        allow('get');
        if (!key?.deleted) throw missing();
        return { status: 200, body: deletedBundle(ctx, vault, name!) };
    }
    if (req.method === 'POST' && action === 'recover') {
        allow('recover');
        if (!key?.deleted) throw missing();
        delete key.deleted;
        return { status: 200, body: keyBundle(ctx, vault, key, key.versions[key.versions.length - 1]!) };
    }
    if (req.method === 'DELETE' && !action) {
        allow('purge');
        if (!key?.deleted) throw missing();
        if (vault.properties.enablePurgeProtection) {
            throw forbidden(
                'PurgeProtectionEnabled',
                `Operation "purge" is not allowed because purge protection is enabled for this vault. Key Vault service will automatically purge it after the retention period has passed.`,
            );
        }
        delete vault.keys[lower(name!)];
        return { status: 204 };
    }
    throw new ArmError(405, 'MethodNotAllowed', `${req.method} is not supported on this resource.`);
}

function rotationPolicy(ctx: EmulatorContext, vault: Vault, name: string, req: VaultRequest, allow: (p: KeyPermission) => void): ArmResponse {
    const { key } = (allow(req.method === 'GET' ? 'getrotationpolicy' : 'setrotationpolicy'), findKeyVersion(vault, name));
    const id = `${keyUrl(ctx, vault, key.name)}/rotationpolicy`;
    if (req.method === 'PUT') {
        const now = ctx.clock.nowSeconds();
        const body = (req.body ?? {}) as { lifetimeActions?: { action?: { type?: string } }[]; attributes?: { expiryTime?: string } };
        const actions = [...(body.lifetimeActions ?? [])];
        // Key Vault adds its default Notify action (30 days before expiry) to a policy that has none.
        if (!actions.some((a) => lower(String(a?.action?.type ?? '')) === 'notify')) {
            actions.push({ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } } as never);
        }
        key.rotationPolicy = {
            id,
            lifetimeActions: actions,
            attributes: { ...(body.attributes ?? {}), created: key.rotationPolicy?.attributes?.created ?? now, updated: now },
        };
    }
    // A key that never had a policy answers nulls, without an id (recorded by the JS SDK's tests).
    return { status: 200, body: key.rotationPolicy ?? { lifetimeActions: null, attributes: null } };
}

/** An ISO 8601 duration of days, months or years (what rotation policies accept) in seconds; months of 30 days. */
export function expiryTimeSeconds(duration: string | undefined): number | undefined {
    const m = duration ? /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/i.exec(duration) : null;
    if (!m || !duration || duration.length < 3) return undefined;
    return (Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0)) * 86400;
}

export const callerOf = (principal: Principal): VaultCaller => ({ objectId: principal.objectId, appId: principal.appId, clientIp: principal.clientIp });
