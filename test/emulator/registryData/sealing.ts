import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { Registry } from '../types';
import { assertKeyAccess, openDataKey } from './dataKey';
import type { RegistryContent, StoredBytes } from './contentTypes';
import { cmkDenied } from './cmkDenial';

/** Seals bytes for storage and opens them again, with the keys the registry can reach right now. */
export interface ContentKeys {
    seal(data: Buffer): StoredBytes;
    open(stored: StoredBytes): Buffer;
}

const isCmk = (registry: Registry): boolean => registry.encryption.status === 'enabled' && !!registry.dataKey;

export function sealWith(key: Buffer, keyDigest: string, data: Buffer): StoredBytes {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
    return { sealed: { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: sealed.toString('base64'), keyDigest } };
}

function openWith(key: Buffer, sealed: { iv: string; tag: string; data: string }): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}

/**
 * The registry's content keys for one request. A CMK registry first proves it may use its key (keyAccess.ts, the
 * vault's own checks): when it may not, nothing is read or written (403, see cmkDenial.ts). Content sealed before a
 * key rotation names the older data key, kept in the content's keyring (ACR re-wraps its data key on rotation).
 * A service-managed registry's content is kept as it is (Microsoft-managed encryption is not modelled).
 */
export function contentKeys(ctx: EmulatorContext, registry: Registry, content: RegistryContent): ContentKeys {
    if (!isCmk(registry)) {
        return { seal: (data) => ({ plain: data.toString('base64') }), open: (stored) => Buffer.from('plain' in stored ? stored.plain : '', 'base64') };
    }
    assertKeyAccess(ctx, registry);
    const currentDigest = registry.dataKey!.digest;
    content.keyring[currentDigest] ??= { ...registry.dataKey! };
    const keys = new Map<string, Buffer>();
    const keyFor = (digest: string): Buffer => {
        const known = keys.get(digest);
        if (known) return known;
        const wrapped = digest === currentDigest ? registry.dataKey! : content.keyring[digest];
        if (!wrapped) throw cmkDenied(registry, 'The content was sealed under a data key the registry does not hold.');
        const key = openDataKey(ctx.world, registry, wrapped);
        keys.set(digest, key);
        return key;
    };
    return {
        seal: (data) => sealWith(keyFor(currentDigest), currentDigest, data),
        open: (stored) => {
            if ('plain' in stored) throw cmkDenied(registry, 'Unsealed content in a CMK registry.');
            return openWith(keyFor(stored.sealed.keyDigest), stored.sealed);
        },
    };
}
