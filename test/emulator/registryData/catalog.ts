import type { HttpReply } from '../http';
import type { StoredRepository } from './contentTypes';
import type { DataRequest } from './dataRequest';
import { listedRepositories } from './contentStore';
import { requireAccess } from './requestAccess';
import { resolveReference } from './manifests';
import { unknownName } from './ociErrors';
import { loginServerOf } from './acrTokens';

const API = { 'docker-distribution-api-version': 'registry/2.0' };
const CHANGEABLE = { deleteEnabled: true, writeEnabled: true, readEnabled: true, listEnabled: true };

/** One page of names after `last` (`n` per page, default 100) and the `Link: <…>; rel="next"` to the next one. */
function page<T>(items: T[], nameOf: (item: T) => string, query: Record<string, string>, path: string): { items: T[]; link?: string } {
    const n = Math.max(1, Math.min(Number(query.n) || 100, 1000));
    const after = query.last ? items.filter((item) => nameOf(item) > query.last!) : items;
    const shown = after.slice(0, n);
    if (after.length <= n) return { items: shown };
    const next = new URLSearchParams({ last: nameOf(shown[shown.length - 1]!), n: String(n) });
    if (query.orderby !== undefined) next.set('orderby', query.orderby);
    return { items: shown, link: `<${path}?${next.toString()}>; rel="next"` };
}

const withLink = (headers: Record<string, string>, link: string | undefined): Record<string, string> => (link ? { ...headers, link } : headers);

/** `GET /v2/_catalog` (what `az acr repository list` reads) and `GET /acr/v1/_catalog` (the ACR SDKs): repository names. */
export function listCatalog(request: DataRequest, acrApi: boolean): HttpReply {
    requireAccess(request.ctx, request.ex, request.registry, { type: 'registry', name: 'catalog', action: '*' });
    request.keys(); // repository names are registry data too: unreadable while the key is
    const names = listedRepositories(request.content).map((r) => r.name);
    const { items, link } = page(names, (name) => name, request.ex.query, acrApi ? '/acr/v1/_catalog' : '/v2/_catalog');
    // ACR answers `null` for an empty list on its own API (recorded), `[]` on the distribution API.
    return { status: 200, body: { repositories: items.length === 0 && acrApi ? null : items }, headers: withLink(API, link) };
}

function repositoryOf(request: DataRequest, repository: string, action: string): StoredRepository {
    requireAccess(request.ctx, request.ex, request.registry, { type: 'repository', name: repository, action });
    request.keys();
    const repo = request.content.repositories[repository];
    if (!repo || repo.manifests.length === 0) throw unknownName(repository);
    return repo;
}

/** `GET /v2/<name>/tags/list`. */
export function listTags(request: DataRequest, repository: string): HttpReply {
    const repo = repositoryOf(request, repository, 'pull');
    const { items, link } = page(Object.keys(repo.tags).sort(), (tag) => tag, request.ex.query, `/v2/${repository}/tags/list`);
    return { status: 200, body: { name: repository, tags: items }, headers: withLink(API, link) };
}

/** `GET /acr/v1/<name>/_tags` (`az acr repository show-tags`, the SDKs' listTagProperties). */
export function listTagProperties(request: DataRequest, repository: string): HttpReply {
    const repo = repositoryOf(request, repository, 'metadata_read');
    const tags = Object.entries(repo.tags)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, tag]) => ({
            name,
            digest: tag.digest,
            createdTime: tag.createdTime,
            lastUpdateTime: tag.lastUpdateTime,
            signed: false,
            changeableAttributes: CHANGEABLE,
        }));
    const { items, link } = page(tags, (tag) => tag.name, request.ex.query, `/acr/v1/${repository}/_tags`);
    return { status: 200, body: { registry: loginServerOf(request.ctx, request.registry), imageName: repository, tags: items }, headers: withLink(API, link) };
}

/** `GET /acr/v1/<name>/_manifests` (the SDKs' listManifestProperties). */
export function listManifestProperties(request: DataRequest, repository: string): HttpReply {
    const repo = repositoryOf(request, repository, 'metadata_read');
    const manifests = repo.manifests
        .map((digest) => {
            const stored = request.content.manifests[digest]!;
            const tags = Object.entries(repo.tags)
                .filter(([, t]) => t.digest === digest)
                .map(([name]) => name)
                .sort();
            return {
                digest,
                imageSize: stored.size,
                createdTime: stored.createdTime,
                lastUpdateTime: stored.lastUpdateTime,
                mediaType: stored.mediaType,
                ...(tags.length > 0 ? { tags } : {}),
                changeableAttributes: { ...CHANGEABLE, quarantineState: 'Passed' },
            };
        })
        .sort((a, b) => (a.digest < b.digest ? -1 : 1));
    const { items, link } = page(manifests, (m) => m.digest, request.ex.query, `/acr/v1/${repository}/_manifests`);
    return {
        status: 200,
        body: { registry: loginServerOf(request.ctx, request.registry), imageName: repository, manifests: items },
        headers: withLink(API, link),
    };
}

/** `GET /acr/v1/<name>` (the SDKs' repository getProperties): counts and times. */
export function repositoryProperties(request: DataRequest, repository: string): HttpReply {
    const repo = repositoryOf(request, repository, 'metadata_read');
    return {
        status: 200,
        headers: API,
        body: {
            registry: loginServerOf(request.ctx, request.registry),
            imageName: repository,
            createdTime: repo.createdTime,
            lastUpdateTime: repo.lastUpdateTime,
            manifestCount: repo.manifests.length,
            tagCount: Object.keys(repo.tags).length,
            changeableAttributes: { ...CHANGEABLE, teleportEnabled: false },
        },
    };
}

/** `GET /acr/v1/<name>/_tags/<tag>` (the SDKs' tag getProperties). */
export function tagProperties(request: DataRequest, repository: string, tag: string): HttpReply {
    const repo = repositoryOf(request, repository, 'metadata_read');
    const digest = resolveReference(request, repository, tag);
    const entry = repo.tags[tag]!;
    return {
        status: 200,
        headers: API,
        body: {
            registry: loginServerOf(request.ctx, request.registry),
            imageName: repository,
            tag: { name: tag, digest, createdTime: entry.createdTime, lastUpdateTime: entry.lastUpdateTime, signed: false, changeableAttributes: CHANGEABLE },
        },
    };
}
