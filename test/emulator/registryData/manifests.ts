import type { HttpReply } from '../http';
import { OciError, unknownManifest, unknownName } from './ociErrors';
import { type DataRequest, checkDigest, checkRepositoryName, sha256Digest } from './dataRequest';
import { requireAccess } from './requestAccess';
import { repositoryFor } from './contentStore';
import { checkManifestSize } from './limits';

const API = { 'docker-distribution-api-version': 'registry/2.0' };
export const IMAGE_MANIFESTS = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
export const INDEX_MANIFESTS = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const TAG = /^[\w][\w.-]{0,127}$/;
const isDigest = (reference: string): boolean => reference.includes(':');

interface Descriptor {
    digest?: unknown;
    mediaType?: unknown;
    size?: unknown;
}
interface ManifestJson {
    schemaVersion?: unknown;
    mediaType?: unknown;
    config?: Descriptor;
    layers?: Descriptor[];
    manifests?: Descriptor[];
}

/** The manifest's media type: the request's Content-Type, else the document's own `mediaType`. */
function mediaTypeOf(contentType: string | undefined, manifest: ManifestJson): string {
    const declared = (contentType ?? '').split(';')[0]!.trim();
    const type = declared && declared !== 'application/json' ? declared : String(manifest.mediaType ?? '');
    if (![...IMAGE_MANIFESTS, ...INDEX_MANIFESTS].includes(type)) throw new OciError(400, 'MANIFEST_INVALID', `unsupported manifest media type '${type}'`);
    return type;
}

function parseManifest(body: Buffer): ManifestJson {
    try {
        const parsed = JSON.parse(body.toString('utf8')) as ManifestJson;
        if (parsed && typeof parsed === 'object' && parsed.schemaVersion === 2) return parsed;
    } catch {
        /* answered below */
    }
    throw new OciError(400, 'MANIFEST_INVALID', 'manifest invalid');
}

/** `PUT /v2/<name>/manifests/<tag or digest>`: every blob (or, for an index, manifest) it names must be in the repository. */
export function putManifest(request: DataRequest, repository: string, reference: string): HttpReply {
    checkRepositoryName(repository);
    requireAccess(request.ctx, request.ex, request.registry, { type: 'repository', name: repository, action: 'push' });
    const body = request.ex.body;
    checkManifestSize(body.length);
    const manifest = parseManifest(body);
    const mediaType = mediaTypeOf(request.ex.headers['content-type'] as string | undefined, manifest);
    const digest = sha256Digest(body);
    if (isDigest(reference) && checkDigest(reference) !== digest) {
        throw new OciError(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', reference);
    }
    if (!isDigest(reference) && !TAG.test(reference)) throw new OciError(400, 'TAG_INVALID', 'manifest tag did not match URI', reference);
    const keys = request.keys();
    const { content } = request;
    const repo = content.repositories[repository];
    const references = INDEX_MANIFESTS.includes(mediaType) ? (manifest.manifests ?? []) : [manifest.config ?? {}, ...(manifest.layers ?? [])];
    for (const ref of references) {
        const known = INDEX_MANIFESTS.includes(mediaType) ? repo?.manifests.includes(String(ref.digest)) : repo?.blobs.includes(String(ref.digest));
        if (!known) {
            throw new OciError(
                400,
                INDEX_MANIFESTS.includes(mediaType) ? 'MANIFEST_UNKNOWN' : 'MANIFEST_BLOB_UNKNOWN',
                'blob unknown to registry',
                String(ref.digest),
            );
        }
    }
    const target = repositoryFor(content, repository, request.now);
    const existing = content.manifests[digest];
    content.manifests[digest] = {
        mediaType,
        size: body.length,
        bytes: existing?.bytes ?? keys.seal(body),
        createdTime: existing?.createdTime ?? request.now,
        lastUpdateTime: request.now,
    };
    if (!target.manifests.includes(digest)) target.manifests.push(digest);
    if (!isDigest(reference)) {
        const tag = target.tags[reference];
        target.tags[reference] = { digest, createdTime: tag?.createdTime ?? request.now, lastUpdateTime: request.now };
    }
    target.lastUpdateTime = request.now;
    return { status: 201, headers: { ...API, location: `/v2/${repository}/manifests/${digest}`, 'docker-content-digest': digest } };
}

/** The digest a tag or digest reference names in the repository, or MANIFEST_UNKNOWN / NAME_UNKNOWN. */
export function resolveReference(request: DataRequest, repository: string, reference: string): string {
    const repo = request.content.repositories[repository];
    if (!repo || repo.manifests.length === 0) throw unknownName(repository);
    const digest = isDigest(reference) ? reference : repo.tags[reference]?.digest;
    if (!digest || !repo.manifests.includes(digest)) throw unknownManifest(reference);
    return digest;
}

/** `GET|HEAD /v2/<name>/manifests/<tag or digest>`: the bytes as pushed, with their media type and digest. */
export function getManifest(request: DataRequest, repository: string, reference: string): HttpReply {
    requireAccess(request.ctx, request.ex, request.registry, { type: 'repository', name: repository, action: 'pull' });
    const digest = resolveReference(request, repository, reference);
    const stored = request.content.manifests[digest]!;
    const body = request.keys().open(stored.bytes);
    return { status: 200, body, headers: { ...API, 'content-type': stored.mediaType, 'docker-content-digest': digest, etag: `"${digest}"` } };
}

/** `DELETE /v2/<name>/manifests/<digest>`: removes the manifest and the tags pointing at it from the repository. */
export function deleteManifest(request: DataRequest, repository: string, reference: string): HttpReply {
    requireAccess(request.ctx, request.ex, request.registry, { type: 'repository', name: repository, action: 'delete' });
    if (!isDigest(reference)) throw new OciError(405, 'UNSUPPORTED', 'The operation is unsupported.');
    const digest = resolveReference(request, repository, reference);
    request.keys();
    const repo = request.content.repositories[repository]!;
    repo.manifests = repo.manifests.filter((d) => d !== digest);
    for (const [tag, entry] of Object.entries(repo.tags)) if (entry.digest === digest) delete repo.tags[tag];
    if (!Object.values(request.content.repositories).some((r) => r.manifests.includes(digest))) delete request.content.manifests[digest];
    return { status: 202, headers: API };
}
