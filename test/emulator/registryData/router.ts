import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import type { Registry } from '../types';
import { OciError, ociReply } from './ociErrors';
import { DataRequest } from './dataRequest';
import { exchangeToken, issueToken } from './tokenExchange';
import { requireAccess } from './requestAccess';
import { deleteBlob, methodNotAllowed, readBlob } from './blobs';
import { cancelUpload, finishUpload, patchUpload, startUpload, uploadStatus } from './uploads';
import { deleteManifest, getManifest, putManifest } from './manifests';
import { listCatalog, listManifestProperties, listTagProperties, listTags, repositoryProperties, tagProperties } from './catalog';

type Handler = (request: DataRequest, m: RegExpExecArray) => HttpReply;
interface Route {
    pattern: RegExp;
    methods: Record<string, Handler>;
}

const read = (handler: Handler): Record<string, Handler> => ({ GET: handler, HEAD: handler });
// Repository names contain '/': the most specific suffixes are tried first.
const ROUTES: Route[] = [
    {
        pattern: /^\/v2\/?$/,
        methods: read((r) => {
            requireAccess(r.ctx, r.ex, r.registry);
            return { status: 200, body: {}, headers: { 'docker-distribution-api-version': 'registry/2.0' } };
        }),
    },
    { pattern: /^\/v2\/_catalog$/, methods: { GET: (r) => listCatalog(r, false) } },
    { pattern: /^\/acr\/v1\/_catalog$/, methods: { GET: (r) => listCatalog(r, true) } },
    { pattern: /^\/acr\/v1\/(.+)\/_tags\/([^/]+)$/, methods: { GET: (r, m) => tagProperties(r, m[1]!, m[2]!) } },
    { pattern: /^\/acr\/v1\/(.+)\/_tags$/, methods: { GET: (r, m) => listTagProperties(r, m[1]!) } },
    { pattern: /^\/acr\/v1\/(.+)\/_manifests$/, methods: { GET: (r, m) => listManifestProperties(r, m[1]!) } },
    { pattern: /^\/acr\/v1\/(.+)$/, methods: { GET: (r, m) => repositoryProperties(r, m[1]!) } },
    { pattern: /^\/v2\/(.+)\/tags\/list$/, methods: { GET: (r, m) => listTags(r, m[1]!) } },
    {
        pattern: /^\/v2\/(.+)\/manifests\/([^/]+)$/,
        methods: {
            ...read((r, m) => getManifest(r, m[1]!, m[2]!)),
            PUT: (r, m) => putManifest(r, m[1]!, m[2]!),
            DELETE: (r, m) => deleteManifest(r, m[1]!, m[2]!),
        },
    },
    { pattern: /^\/v2\/(.+)\/blobs\/uploads\/?$/, methods: { POST: (r, m) => startUpload(r, m[1]!) } },
    {
        pattern: /^\/v2\/(.+)\/blobs\/uploads\/([^/]+)$/,
        methods: {
            GET: (r, m) => uploadStatus(r, m[1]!, m[2]!),
            PATCH: (r, m) => patchUpload(r, m[1]!, m[2]!),
            PUT: (r, m) => finishUpload(r, m[1]!, m[2]!),
            DELETE: (r, m) => cancelUpload(r, m[1]!, m[2]!),
        },
    },
    { pattern: /^\/v2\/(.+)\/blobs\/([^/]+)$/, methods: { ...read((r, m) => readBlob(r, m[1]!, m[2]!)), DELETE: (r, m) => deleteBlob(r, m[1]!, m[2]!) } },
];

const MUTATING = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

/**
 * A registry's login server: ACR's token exchange (`/oauth2/exchange`, `/oauth2/token`), the OCI distribution API
 * (`/v2/…`) and ACR's own catalog API (`/acr/v1/…`).
 */
export function handleRegistryHost(ctx: EmulatorContext, ex: HttpExchange, registry: Registry): HttpReply {
    try {
        if (/^\/oauth2\/exchange\/?$/.test(ex.path)) return exchangeToken(ctx, ex, registry);
        if (/^\/oauth2\/token\/?$/.test(ex.path)) return issueToken(ctx, ex, registry);
        for (const route of ROUTES) {
            const m = route.pattern.exec(ex.path);
            if (!m) continue;
            const handler = route.methods[ex.method];
            if (!handler) throw methodNotAllowed();
            const reply = handler(new DataRequest(ctx, ex, registry), m);
            if (MUTATING.has(ex.method) && reply.status < 400) ctx.changed();
            return reply;
        }
        return ociReply(new OciError(404, 'UNSUPPORTED', 'The requested resource is not found.'));
    } catch (e) {
        if (e instanceof OciError) return ociReply(e);
        throw e;
    }
}
