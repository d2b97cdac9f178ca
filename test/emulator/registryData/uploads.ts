import { randomUUID } from 'node:crypto';
import type { HttpReply } from '../http';
import { OciError } from './ociErrors';
import { type DataRequest, checkDigest, checkRepositoryName, sha256Digest } from './dataRequest';
import { requireAccess } from './requestAccess';
import { repositoryFor, storedBytes } from './contentStore';
import { checkBlobSize } from './limits';

const API = { 'docker-distribution-api-version': 'registry/2.0' };
const uploadUnknown = (): OciError => new OciError(404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry');
const uploadHeaders = (repository: string, id: string, size: number): Record<string, string> => ({
    ...API,
    location: `/v2/${repository}/blobs/uploads/${id}`,
    range: `0-${Math.max(size - 1, 0)}`,
    'docker-upload-uuid': id,
});

function pushNeed(request: DataRequest, repository: string): void {
    checkRepositoryName(repository);
    requireAccess(request.ctx, request.ex, request.registry, { type: 'repository', name: repository, action: 'push' });
}

/** Stores a complete blob (sealed with the registry's keys) and links it to the repository. */
function commitBlob(request: DataRequest, repository: string, expected: string, data: Buffer): HttpReply {
    const digest = checkDigest(expected);
    if (sha256Digest(data) !== digest) throw new OciError(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', digest);
    const { content } = request;
    if (!content.blobs[digest]) {
        checkBlobSize(data.length, storedBytes(content));
        content.blobs[digest] = { size: data.length, bytes: request.keys().seal(data) };
    }
    const repo = repositoryFor(content, repository, request.now);
    if (!repo.blobs.includes(digest)) repo.blobs.push(digest);
    return { status: 201, headers: { ...API, location: `/v2/${repository}/blobs/${digest}`, 'docker-content-digest': digest } };
}

/**
 * `POST /v2/<name>/blobs/uploads/`: with `?digest=` a monolithic upload in one request; otherwise a new upload
 * session (202 + Location). A cross-repository mount (`?mount=&from=`) is answered with a new session, which the
 * distribution spec allows: the client then uploads the blob.
 */
export function startUpload(request: DataRequest, repository: string): HttpReply {
    pushNeed(request, repository);
    request.keys();
    if (request.ex.query.digest) return commitBlob(request, repository, request.ex.query.digest, request.ex.body);
    const id = randomUUID();
    request.content.uploads[id] = { repository, startedAt: request.now, size: 0, chunks: [] };
    return { status: 202, headers: uploadHeaders(repository, id, 0) };
}

function sessionOf(request: DataRequest, repository: string, id: string) {
    const session = request.content.uploads[id];
    if (!session || session.repository !== repository) throw uploadUnknown();
    return session;
}

/** Appends a chunk (its `Content-Range`, when sent, must start where the upload stands, else 416). */
function appendChunk(request: DataRequest, repository: string, id: string): number {
    const session = sessionOf(request, repository, id);
    const data = request.ex.body;
    const range = /^(\d+)-(\d+)$/.exec(String(request.ex.headers['content-range'] ?? ''));
    if (range && Number(range[1]) !== session.size) {
        throw new OciError(416, 'BLOB_UPLOAD_INVALID', 'invalid content range', null, uploadHeaders(repository, id, session.size));
    }
    if (data.length > 0) {
        checkBlobSize(session.size + data.length, storedBytes(request.content) - session.size);
        session.chunks.push(request.keys().seal(data));
        session.size += data.length;
    }
    return session.size;
}

/** `PATCH /v2/<name>/blobs/uploads/<id>`: one chunk of a chunked upload. */
export function patchUpload(request: DataRequest, repository: string, id: string): HttpReply {
    pushNeed(request, repository);
    request.keys();
    const size = appendChunk(request, repository, id);
    return { status: 202, headers: uploadHeaders(repository, id, size) };
}

/** `PUT /v2/<name>/blobs/uploads/<id>?digest=`: the last chunk (optional) and the digest that completes the blob. */
export function finishUpload(request: DataRequest, repository: string, id: string): HttpReply {
    pushNeed(request, repository);
    const keys = request.keys();
    appendChunk(request, repository, id);
    const session = sessionOf(request, repository, id);
    const data = Buffer.concat(session.chunks.map((chunk) => keys.open(chunk)));
    delete request.content.uploads[id]; // done either way: a digest that does not match ends the upload (DIGEST_INVALID)
    return commitBlob(request, repository, request.ex.query.digest ?? '', data);
}

/** `GET /v2/<name>/blobs/uploads/<id>`: where the upload stands (204 + Range). */
export function uploadStatus(request: DataRequest, repository: string, id: string): HttpReply {
    pushNeed(request, repository);
    const session = sessionOf(request, repository, id);
    return { status: 204, headers: uploadHeaders(repository, id, session.size) };
}

/** `DELETE /v2/<name>/blobs/uploads/<id>`: cancels the upload. */
export function cancelUpload(request: DataRequest, repository: string, id: string): HttpReply {
    pushNeed(request, repository);
    sessionOf(request, repository, id);
    delete request.content.uploads[id];
    return { status: 204, headers: API };
}
