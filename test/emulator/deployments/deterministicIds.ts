import { createHash } from 'node:crypto';

// Deterministic ids like ARM's guid() and uniqueString(): same inputs, same output, across runs.
// guid() is a name-based (v5-style, SHA-1) UUID over the arguments joined by '-', in ARM's own namespace.
// uniqueString() is 13 base32 characters of a hash; it is stable but not bit-identical to Azure's.
const ARM_GUID_NAMESPACE = Buffer.from('11fb06fb712d4ddd98c7e71bbd588830', 'hex');
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export function templateGuid(parts: string[]): string {
    const hash = createHash('sha1').update(ARM_GUID_NAMESPACE).update(parts.join('-'), 'utf8').digest();
    const bytes = hash.subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function templateUniqueString(parts: string[]): string {
    let bits = createHash('sha256').update(parts.join('-'), 'utf8').digest().readBigUInt64BE(0);
    let text = '';
    for (let i = 0; i < 13; i++) {
        text += BASE32_ALPHABET[Number(bits & 31n)];
        bits >>= 5n;
    }
    return text;
}
