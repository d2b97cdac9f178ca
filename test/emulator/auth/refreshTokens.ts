import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { SigningKey } from './tokens';

/** What a refresh token stands for: this user, signed in to this client, in this tenant (any resource of it). */
export interface RefreshGrant {
    oid: string;
    cid: string;
    tid: string;
    iat: number;
    exp: number;
}

export const REFRESH_TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600;
const PREFIX = '1.E';

// Opaque to clients, as Entra's are, but self-contained: AES-256-GCM under a key derived from the token-signing key,
// so refresh tokens survive an emulator restart (like its access tokens) and need no store.
const keys = new WeakMap<SigningKey, Buffer>();
function sealingKey(signing: SigningKey): Buffer {
    let key = keys.get(signing);
    if (!key) {
        key = createHash('sha256')
            .update('acr-cmk-emulator/refresh-token/v1\0')
            .update(signing.privateKey.export({ type: 'pkcs8', format: 'der' }))
            .digest();
        keys.set(signing, key);
    }
    return key;
}

export function sealRefreshToken(ctx: EmulatorContext, grant: Pick<RefreshGrant, 'oid' | 'cid' | 'tid'>): string {
    const now = Math.floor(Date.now() / 1000);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', sealingKey(ctx.signingKey), iv);
    const body = Buffer.concat([cipher.update(JSON.stringify({ ...grant, iat: now, exp: now + REFRESH_TOKEN_LIFETIME_SECONDS })), cipher.final()]);
    const token = PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    ctx.issued.record('refreshToken', token);
    return token;
}

/** The grant, or undefined for anything this emulator did not seal (tampered, foreign, garbage). Expiry is the caller's check. */
export function openRefreshToken(ctx: EmulatorContext, token: string | null): RefreshGrant | undefined {
    if (!token?.startsWith(PREFIX)) return undefined;
    const raw = Buffer.from(token.slice(PREFIX.length), 'base64url');
    if (raw.length < 29) return undefined;
    try {
        const decipher = createDecipheriv('aes-256-gcm', sealingKey(ctx.signingKey), raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as RefreshGrant;
    } catch {
        return undefined;
    }
}
