import { createPrivateKey, createPublicKey, publicEncrypt, privateDecrypt, constants, createHash, type KeyObject } from 'node:crypto';
import type { World } from '../types';
import { badRequest } from '../errors';

const cache = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>();

export function keyObjects(world: World, materialId: string): { privateKey: KeyObject; publicKey: KeyObject } {
    const pem = world.keyMaterial[materialId];
    if (!pem) throw new Error(`key material ${materialId} missing`);
    const cacheKey = `${materialId}:${pem.length}`;
    let entry = cache.get(cacheKey);
    if (!entry) {
        const privateKey = createPrivateKey(pem);
        entry = { privateKey, publicKey: createPublicKey(privateKey) };
        cache.set(cacheKey, entry);
    }
    return entry;
}

export const RSA_WRAP_ALGORITHMS = ['RSA-OAEP', 'RSA-OAEP-256', 'RSA1_5'];

function oaepHash(alg: string): string | undefined {
    if (alg === 'RSA-OAEP') return 'sha1';
    if (alg === 'RSA-OAEP-256') return 'sha256';
    return undefined;
}

export function rsaEncrypt(alg: string, publicKey: KeyObject, data: Buffer): Buffer {
    if (!RSA_WRAP_ALGORITHMS.includes(alg)) throw badRequest('BadParameter', `Invalid algorithm: ${alg}`);
    const hash = oaepHash(alg);
    return hash
        ? publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, data)
        : publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, data);
}

export function rsaDecrypt(alg: string, privateKey: KeyObject, data: Buffer): Buffer {
    if (!RSA_WRAP_ALGORITHMS.includes(alg)) throw badRequest('BadParameter', `Invalid algorithm: ${alg}`);
    const hash = oaepHash(alg);
    try {
        if (hash) return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, data);
        return pkcs1v15Unpad(privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, data));
    } catch {
        throw badRequest('BadParameter', 'The parameter value is not a valid ciphertext for this key and algorithm.');
    }
}

// Node 20 refuses RSA_PKCS1_PADDING for private decryption (Marvin attack mitigation), so RSA1_5 is
// decrypted raw and the PKCS#1 v1.5 type-2 padding (00 02 <non-zero bytes> 00 <message>) removed here.
function pkcs1v15Unpad(block: Buffer): Buffer {
    if (block[0] !== 0 || block[1] !== 2) throw new Error('bad padding');
    const separator = block.indexOf(0, 2);
    if (separator < 10) throw new Error('bad padding');
    return block.subarray(separator + 1);
}

export const digestOf = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
