import type { EmulatorContext } from '../context';
import type { Vault } from '../types';
import { badRequest } from '../errors';
import { authorizeKeyOperation, type VaultCaller } from './authorize';
import { assertUsable, findKeyVersion } from './keyStore';
import { keyObjects, rsaDecrypt, rsaEncrypt } from './crypto';

export type CryptoOperation = 'wrapKey' | 'unwrapKey' | 'encrypt' | 'decrypt';

/**
 * One cryptographic operation as `caller`, through the same checks for every path that reaches a key:
 * the vault data plane AND the emulator's registry key-access probe (authorization, key state, real RSA).
 */
export function runKeyOperation(
    ctx: EmulatorContext,
    vault: Vault,
    caller: VaultCaller,
    operation: CryptoOperation,
    keyName: string,
    keyVersion: string | undefined,
    algorithm: string,
    value: Buffer,
): { kid: string; result: Buffer; version: string } {
    authorizeKeyOperation(ctx.world, vault, caller, operation, keyName);
    const { version } = findKeyVersion(vault, keyName, keyVersion);
    assertUsable(version, operation, ctx.clock.nowSeconds());
    if (!version.kty.startsWith('RSA')) throw badRequest('BadParameter', `Operation ${operation} requires an RSA key; this key is ${version.kty}.`);
    const keys = keyObjects(ctx.world, version.materialId);
    const forward = operation === 'wrapKey' || operation === 'encrypt';
    const result = forward ? rsaEncrypt(algorithm, keys.publicKey, value) : rsaDecrypt(algorithm, keys.privateKey, value);
    // Wrapped keys and what they unwrap to are secrets too: record both sides (base64; the scan also tries base64url and hex).
    ctx.issued.record(forward ? 'wrappedKey' : 'dataKey', result.toString('base64'));
    ctx.issued.record(forward ? 'dataKey' : 'wrappedKey', value.toString('base64'));
    return {
        kid: `https://${vault.name.toLowerCase()}${ctx.env.keyVaultDnsSuffix}/keys/${vault.keys[keyName.toLowerCase()]!.name}/${version.version}`,
        result,
        version: version.version,
    };
}
