import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { HttpExchange } from '../http';
import type { Registry } from '../types';
import type { RegistryContent } from './contentTypes';
import { contentOf, acrTime, emptyContent, storedContentOf } from './contentStore';
import { contentKeys, type ContentKeys } from './sealing';
import { OciError } from './ociErrors';

/** One data-plane request: the registry, its content, and its keys (unwrapped on first use, after authorization). */
export class DataRequest {
    readonly content: RegistryContent;
    readonly now = acrTime();
    private unwrapped: ContentKeys | undefined;

    constructor(
        readonly ctx: EmulatorContext,
        readonly ex: HttpExchange,
        readonly registry: Registry,
    ) {
        // Reads see an empty registry without storing one: reading never changes the world (as in Azure).
        this.content =
            storedContentOf(ctx.world, registry) ?? (ex.method === 'GET' || ex.method === 'HEAD' ? emptyContent(registry) : contentOf(ctx.world, registry));
    }

    /** The content keys; for a CMK registry whose key cannot be unwrapped now this throws ACR's 403 (cmkDenial.ts). */
    keys(): ContentKeys {
        return (this.unwrapped ??= contentKeys(this.ctx, this.registry, this.content));
    }
}

export const sha256Digest = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** A digest the registry accepts (sha256, lower-case hex), or DIGEST_INVALID. */
export function checkDigest(digest: string | undefined): string {
    if (!digest || !/^sha256:[a-f0-9]{64}$/.test(digest)) {
        throw new OciError(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', digest ?? null);
    }
    return digest;
}

// The distribution spec's repository name grammar (ACR: lower case, path components separated by '/').
const NAME = /^[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*$/;
export function checkRepositoryName(name: string): string {
    if (!NAME.test(name) || name.length > 256) throw new OciError(400, 'NAME_INVALID', 'invalid repository name', name);
    return name;
}
