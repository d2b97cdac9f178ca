import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SigningKey {
    kid: string;
    privateKey: KeyObject;
    publicKey: KeyObject;
}
export interface TokenClaims {
    aud: string;
    iss: string;
    iat: number;
    nbf: number;
    exp: number;
    tid: string;
    oid: string;
    sub: string;
    appid: string;
    azp?: string;
    idtyp?: string;
    ver?: string;
    [k: string]: unknown;
}
/** An OpenID Connect id token (v2): audience is the client, no `appid`. */
export interface IdTokenClaims {
    aud: string;
    iss: string;
    iat: number;
    nbf: number;
    exp: number;
    tid: string;
    oid: string;
    sub: string;
    name: string;
    preferred_username: string;
    ver: '2.0';
    nonce?: string;
    [k: string]: unknown;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** The token-signing key, kept in the output directory so tokens survive an emulator restart. */
export function loadSigningKey(path: string): SigningKey {
    if (!existsSync(path)) {
        mkdirSync(dirname(path), { recursive: true });
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
    const publicKey = createPublicKey(privateKey);
    const n = (publicKey.export({ format: 'jwk' }).n ?? '').slice(0, 16);
    return { kid: `emu-${n}`, privateKey, publicKey };
}

export function signJwt(key: SigningKey, claims: TokenClaims | IdTokenClaims): string {
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: key.kid }));
    const payload = b64url(JSON.stringify({ ...claims, uti: randomBytes(8).toString('base64url') }));
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'notYetValid' };

/** Verifies an RS256 JWT against the emulator's key and its time window (audience is checked by the caller). */
export function verifyJwt(key: SigningKey, token: string, nowSeconds = Math.floor(Date.now() / 1000)): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    let header: { alg?: string };
    let claims: TokenClaims;
    try {
        header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
        claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    } catch {
        return { ok: false, reason: 'malformed' };
    }
    if (header.alg !== 'RS256') return { ok: false, reason: 'signature' };
    if (!hasValidSignature(key, token, parts)) return { ok: false, reason: 'signature' };
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
    if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds + 300) return { ok: false, reason: 'notYetValid' };
    return { ok: true, claims };
}

// An RSA verify costs ~0.15 ms, on every request of a client that reuses its token: with 100 clients at once that
// queue was most of the emulator's own latency. A token's signature under a given key never changes, so a verified
// token is remembered (bounded); expiry and not-before are still checked on every request.
const verifiedTokens = new WeakMap<SigningKey, Set<string>>();
const VERIFIED_CAPACITY = 10_000;

function hasValidSignature(key: SigningKey, token: string, parts: string[]): boolean {
    let verified = verifiedTokens.get(key);
    if (verified?.has(token)) return true;
    if (!verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), key.publicKey, Buffer.from(parts[2]!, 'base64url'))) return false;
    if (!verified) verifiedTokens.set(key, (verified = new Set()));
    if (verified.size >= VERIFIED_CAPACITY) verified.clear();
    verified.add(token);
    return true;
}

export function jwks(key: SigningKey): { keys: Record<string, unknown>[] } {
    const jwk = key.publicKey.export({ format: 'jwk' });
    return { keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid: key.kid, n: jwk.n, e: jwk.e }] };
}
