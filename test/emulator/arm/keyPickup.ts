import type { EmulatorContext } from '../context';
import type { KeyVersion, Registry, Vault } from '../types';
import { ArmError } from '../errors';
import { dotnetTime, lower } from '../ids';
import { digestOf } from '../keyvault/crypto';
import { keyUrl } from '../keyvault/keyStore';
import { runKeyOperation } from '../keyvault/keyOperations';
import { encryptionCaller, parseKeyIdentifier } from './registryEncryption';

/**
 * ACR "regularly checks the key vault for a new key version and updates the customer-managed key within one hour"
 * (tutorial-rotate-revoke-customer-managed-keys). The emulator's deterministic reading: a registry on a versionless key
 * moves to the newest version that is at least an hour old, with `lastKeyRotationTimestamp` = that version's creation
 * + 1 hour; until then `versionedKeyIdentifier` (and the wrapped data key) stay on the old version.
 */
export const PICKUP_DELAY_SECONDS = 3600;

export function pickUpNewKeyVersions(ctx: EmulatorContext): void {
    const now = ctx.clock.nowSeconds();
    let vaults: Map<string, Vault> | undefined;
    for (const registry of Object.values(ctx.world.registries)) {
        const kvp = registry.encryption.keyVaultProperties;
        if (registry.encryption.status !== 'enabled' || !kvp?.keyRotationEnabled || !registry.dataKey || registry.provisioningState !== 'Succeeded') continue;
        vaults ??= new Map(Object.values(ctx.world.vaults).map((v) => [lower(v.name), v]));
        pickUp(ctx, registry, vaults, now);
    }
}

function pickUp(ctx: EmulatorContext, registry: Registry, vaults: Map<string, Vault>, now: number): void {
    const kvp = registry.encryption.keyVaultProperties!;
    try {
        const ref = parseKeyIdentifier(ctx, kvp.keyIdentifier);
        const current = parseKeyIdentifier(ctx, registry.dataKey!.keyId);
        const vault = vaults.get(lower(ref.vaultName));
        const key = vault?.keys[lower(ref.keyName)];
        if (!vault || !key || key.deleted) return;
        const inUse = key.versions.find((v) => v.version === current.version);
        const candidate = newestSettled(key.versions, now);
        if (!candidate || candidate.version === current.version || (inUse && candidate.attributes.created < inUse.attributes.created)) return;
        // The registry re-wraps its data key with the new version, as its encryption identity (a removed identity cannot).
        const caller = encryptionCaller(ctx, registry, registry.identity, kvp.identity);
        const dataKey = runKeyOperation(
            ctx,
            vault,
            caller,
            'unwrapKey',
            key.name,
            current.version,
            registry.dataKey!.algorithm,
            Buffer.from(registry.dataKey!.wrappedKey, 'base64'),
        ).result;
        const wrapped = runKeyOperation(ctx, vault, caller, 'wrapKey', key.name, candidate.version, registry.dataKey!.algorithm, dataKey);
        const versioned = keyUrl(ctx, vault, key.name, candidate.version);
        registry.dataKey = { ...registry.dataKey!, wrappedKey: wrapped.result.toString('base64'), keyId: versioned, digest: digestOf(dataKey) };
        registry.encryption = {
            ...registry.encryption,
            keyVaultProperties: {
                ...kvp,
                versionedKeyIdentifier: versioned,
                lastKeyRotationTimestamp: dotnetTime('+00:00', new Date((candidate.attributes.created + PICKUP_DELAY_SECONDS) * 1000)),
            },
        };
        ctx.changed();
    } catch (e) {
        // ACR's automatic rotation failed (no access, expired or disabled version, removed identity): it keeps the old version.
        if (!(e instanceof ArmError)) throw e;
    }
}

const newestSettled = (versions: KeyVersion[], now: number): KeyVersion | undefined =>
    versions
        .filter((v) => v.attributes.created + PICKUP_DELAY_SECONDS <= now)
        .reduce<KeyVersion | undefined>((newest, v) => (!newest || v.attributes.created >= newest.attributes.created ? v : newest), undefined);
