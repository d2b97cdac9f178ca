import { timingSafeEqual, createHash } from 'node:crypto';
import type { EmulatorContext } from './context';
import type { Registry } from './types';
import { ArmError } from './errors';
import { findVaultByName } from './store';
import { encryptionCaller, parseKeyIdentifier } from './arm/registryEncryption';
import { removedIdentityCaller } from './arm/identityRemoval';
import { runKeyOperation } from './keyvault/keyOperations';

export interface KeyAccess {
    accessible: boolean;
    reason: string;
}

/**
 * Can this registry use its key right now? Answered by doing what ACR needs ("Get, Wrap Key, Unwrap Key", its own
 * error message): the registry's identity unwraps the stored wrapped data key, then wraps it again, through the vault
 * data plane's own authorization and key-state checks (Key Vault refuses wrapping with an expired version). An
 * encryption identity removed from the registry keeps working for its grace period, then the registry is refused
 * with the troubleshooting page's 403.
 */
export function probeKeyAccess(ctx: EmulatorContext, registry: Registry): KeyAccess {
    const kvp = registry.encryption.keyVaultProperties;
    if (registry.encryption.status !== 'enabled' || !kvp || !registry.dataKey) {
        return { accessible: true, reason: 'The registry is encrypted with a Microsoft-managed key (no customer-managed key).' };
    }
    try {
        const removed = removedIdentityCaller(ctx, registry);
        if (removed && 'inactive' in removed) return { accessible: false, reason: `403 IdentityInactive: ${removed.inactive}` };
        const caller = removed?.caller ?? encryptionCaller(ctx, registry, registry.identity, kvp.identity);
        const ref = parseKeyIdentifier(ctx, registry.dataKey.keyId);
        const vault = findVaultByName(ctx.world, ref.vaultName);
        if (!vault) return { accessible: false, reason: `Key vault '${ref.vaultName}' does not exist (deleted?).` };
        const done = runKeyOperation(
            ctx,
            vault,
            caller,
            'unwrapKey',
            ref.keyName,
            ref.version,
            registry.dataKey.algorithm,
            Buffer.from(registry.dataKey.wrappedKey, 'base64'),
        );
        const digest = createHash('sha256').update(done.result).digest();
        if (!timingSafeEqual(digest, Buffer.from(registry.dataKey.digest, 'hex'))) {
            return { accessible: false, reason: "The unwrapped data key does not match the registry's data key." };
        }
        runKeyOperation(ctx, vault, caller, 'wrapKey', ref.keyName, ref.version, registry.dataKey.algorithm, done.result);
        const as = removed ? `removed identity '${kvp.identity}' (still active until its grace period ends)` : `identity '${kvp.identity}'`;
        return { accessible: true, reason: `Unwrapped and re-wrapped the registry's data key with ${done.kid} as ${as}.` };
    } catch (e) {
        if (e instanceof ArmError) return { accessible: false, reason: `${e.code}${e.innerCode ? `/${e.innerCode}` : ''}: ${e.message}` };
        throw e;
    }
}
