import { timingSafeEqual, createHash } from 'node:crypto';
import type { EmulatorContext } from './context';
import type { Registry } from './types';
import { ArmError } from './errors';
import { findVaultByName } from './store';
import { encryptionCaller, parseKeyIdentifier } from './arm/registryEncryption';
import { runKeyOperation } from './keyvault/keyOperations';

export interface KeyAccess { accessible: boolean; reason: string }

/**
 * Can this registry unwrap its data key right now? Answered by doing it: the registry's identity unwraps the
 * stored wrapped data key through the vault data plane's own authorization and key-state checks.
 */
export function probeKeyAccess(ctx: EmulatorContext, registry: Registry): KeyAccess {
  const kvp = registry.encryption.keyVaultProperties;
  if (registry.encryption.status !== 'enabled' || !kvp || !registry.dataKey) {
    return { accessible: true, reason: 'The registry is encrypted with a Microsoft-managed key (no customer-managed key).' };
  }
  try {
    const caller = encryptionCaller(ctx, registry, registry.identity, kvp.identity);
    const ref = parseKeyIdentifier(ctx, registry.dataKey.keyId);
    const vault = findVaultByName(ctx.world, ref.vaultName);
    if (!vault) return { accessible: false, reason: `Key vault '${ref.vaultName}' does not exist (deleted?).` };
    const done = runKeyOperation(ctx, vault, caller, 'unwrapKey', ref.keyName, ref.version, registry.dataKey.algorithm,
      Buffer.from(registry.dataKey.wrappedKey, 'base64'));
    const digest = createHash('sha256').update(done.result).digest();
    if (!timingSafeEqual(digest, Buffer.from(registry.dataKey.digest, 'hex'))) return { accessible: false, reason: 'The unwrapped data key does not match the registry\'s data key.' };
    return { accessible: true, reason: `Unwrapped the registry's data key with ${done.kid} as identity '${kvp.identity}'.` };
  } catch (e) {
    if (e instanceof ArmError) return { accessible: false, reason: `${e.code}${e.innerCode ? `/${e.innerCode}` : ''}: ${e.message}` };
    throw e;
  }
}
