import type { EmulatorContext } from '../context';
import type { Registry, World, WrappedDataKey } from '../types';
import { probeKeyAccess } from '../keyAccess';
import { findVaultByName } from '../store';
import { digestOf, keyObjects, rsaDecrypt } from '../keyvault/crypto';
import { cmkDenied } from './cmkDenial';

/**
 * May the registry use its customer-managed key right now? Decided by keyAccess.ts, the one path for it: the
 * registry's identity unwraps (and wraps) its data key through the vault data plane's own authorization and key
 * state, with the removed-identity grace period. Refused: ACR's 403 (cmkDenial.ts), and nothing is read or written.
 */
export function assertKeyAccess(ctx: EmulatorContext, registry: Registry): void {
    const access = probeKeyAccess(ctx, registry);
    if (!access.accessible) throw cmkDenied(registry, access.reason);
}

/**
 * The plaintext of a data key the registry holds (its current one, or one content was sealed under before a
 * rotation, which ACR re-wraps under the new key). Call after assertKeyAccess: the access decision is made there,
 * this only opens the wrapped bytes with the key version's own RSA key, as the registry's cached unwrap would.
 */
export function openDataKey(world: World, registry: Registry, wrapped: WrappedDataKey): Buffer {
    const m = /^https:\/\/([^./]+)\.[^/]+\/keys\/([^/]+)\/([0-9a-fA-F]{32})$/.exec(wrapped.keyId);
    const vault = m ? findVaultByName(world, m[1]!) : undefined;
    const version = vault?.keys[m![2]!.toLowerCase()]?.versions.find((v) => v.version.toLowerCase() === m![3]!.toLowerCase());
    if (!version) throw cmkDenied(registry, `The key version '${wrapped.keyId}' that wraps the registry's data key no longer exists.`);
    const key = rsaDecrypt(wrapped.algorithm, keyObjects(world, version.materialId).privateKey, Buffer.from(wrapped.wrappedKey, 'base64'));
    if (digestOf(key) !== wrapped.digest) throw cmkDenied(registry, "The unwrapped data key does not match the registry's data key.");
    return key;
}
