import type { HttpReply } from '../http';
import { OciError, unknownBlob } from './ociErrors';
import type { DataRequest } from './dataRequest';
import { checkDigest } from './dataRequest';
import { requireAccess } from './requestAccess';

/** `GET|HEAD /v2/<name>/blobs/<digest>`: a blob linked to the repository, opened with the registry's keys. */
export function readBlob(request: DataRequest, repository: string, digestText: string): HttpReply {
    requireAccess(request.ctx, request.ex, request.registry, { type: 'repository', name: repository, action: 'pull' });
    const digest = checkDigest(digestText);
    const repo = request.content.repositories[repository];
    const blob = request.content.blobs[digest];
    if (!repo || !blob || !repo.blobs.includes(digest)) throw unknownBlob(digest);
    const data = request.keys().open(blob.bytes);
    return {
        status: 200,
        body: data,
        headers: {
            'content-type': 'application/octet-stream',
            'docker-content-digest': digest,
            etag: `"${digest}"`,
            'docker-distribution-api-version': 'registry/2.0',
        },
    };
}

/** `DELETE /v2/<name>/blobs/<digest>`: unlinks the blob from the repository (its bytes go when no repository links them). */
export function deleteBlob(request: DataRequest, repository: string, digestText: string): HttpReply {
    requireAccess(request.ctx, request.ex, request.registry, { type: 'repository', name: repository, action: 'delete' });
    const digest = checkDigest(digestText);
    const repo = request.content.repositories[repository];
    if (!repo || !repo.blobs.includes(digest)) throw unknownBlob(digest);
    request.keys();
    repo.blobs = repo.blobs.filter((d) => d !== digest);
    if (!Object.values(request.content.repositories).some((r) => r.blobs.includes(digest))) delete request.content.blobs[digest];
    return { status: 202, headers: { 'docker-distribution-api-version': 'registry/2.0' } };
}

export const methodNotAllowed = (): OciError => new OciError(405, 'UNSUPPORTED', 'The operation is unsupported.');
