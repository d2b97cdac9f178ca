import type { EmulatorContext } from '../context';
import type { KeyVersion, Vault, VaultKey } from '../types';
import { lower } from '../ids';
import { parseIsoDuration } from '../clock';
import { createKeyVersion } from './keyStore';

interface LifetimeAction {
    trigger?: { timeAfterCreate?: string; timeBeforeExpiry?: string };
    action?: { type?: string };
}
/** A policy that asks for more rotations than this in one step is treated as misconfigured rather than looped forever. */
const MAX_ROTATIONS_PER_STEP = 1000;

/**
 * When the key's Rotate action falls due (seconds), after its newest version: `timeAfterCreate` counts from that
 * version's creation, `timeBeforeExpiry` back from its `exp` (no `exp`, no due time). Key Vault's documentation:
 * "Rotation policy ... lifetimeActions ... trigger: timeAfterCreate or timeBeforeExpiry".
 */
export function rotationDueAt(key: VaultKey): number | undefined {
    const newest = key.versions[key.versions.length - 1];
    const rotate = ((key.rotationPolicy?.lifetimeActions as LifetimeAction[] | undefined) ?? []).find((a) => lower(String(a?.action?.type ?? '')) === 'rotate');
    if (!newest || !rotate?.trigger) return undefined;
    const afterCreate = parseIsoDuration(rotate.trigger.timeAfterCreate);
    if (afterCreate !== undefined && afterCreate > 0) return newest.attributes.created + Math.floor(afterCreate / 1000);
    const beforeExpiry = parseIsoDuration(rotate.trigger.timeBeforeExpiry);
    if (beforeExpiry !== undefined && newest.attributes.exp !== undefined) return newest.attributes.exp - Math.floor(beforeExpiry / 1000);
    return undefined;
}

/**
 * Rotates every key whose policy fell due by now, as Key Vault's scheduler would have: each new version is created at
 * its due time and, like a version made by `rotate`, expires `expiryTime` after it (recorded: exp = created + P30D).
 */
export async function rotateDueKeys(ctx: EmulatorContext): Promise<void> {
    const now = ctx.clock.nowSeconds();
    for (const vault of Object.values(ctx.world.vaults)) {
        for (const key of Object.values(vault.keys)) {
            if (key.deleted || !key.rotationPolicy) continue;
            for (let n = 0, due = rotationDueAt(key); due !== undefined && due <= now && n < MAX_ROTATIONS_PER_STEP; n++, due = rotationDueAt(key)) {
                await rotateAt(ctx, vault, key, due);
            }
        }
    }
}

async function rotateAt(ctx: EmulatorContext, vault: Vault, key: VaultKey, at: number): Promise<KeyVersion> {
    const current = key.versions[key.versions.length - 1]!;
    const lifetime = parseIsoDuration(key.rotationPolicy?.attributes?.expiryTime);
    const version = await createKeyVersion(ctx, vault, key.name, {
        kty: current.kty,
        key_size: current.keySize,
        crv: current.crv,
        key_ops: current.keyOps,
        tags: current.tags,
    });
    version.attributes.created = at;
    version.attributes.updated = at;
    if (lifetime) version.attributes.exp = at + Math.floor(lifetime / 1000);
    return version;
}
