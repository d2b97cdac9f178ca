import type { HttpReply } from '../http';

// Errors as ACR's data plane answers them: the OCI distribution shape `{"errors":[{"code","message","detail"}]}`
// (codes from the distribution spec; ACR's texts as recorded in the Azure SDK for JS test recordings).
export type OciErrorCode =
    | 'UNAUTHORIZED'
    | 'DENIED'
    | 'NAME_UNKNOWN'
    | 'NAME_INVALID'
    | 'MANIFEST_UNKNOWN'
    | 'MANIFEST_INVALID'
    | 'MANIFEST_BLOB_UNKNOWN'
    | 'BLOB_UNKNOWN'
    | 'BLOB_UPLOAD_UNKNOWN'
    | 'BLOB_UPLOAD_INVALID'
    | 'DIGEST_INVALID'
    | 'SIZE_INVALID'
    | 'TAG_INVALID'
    | 'UNSUPPORTED';

export class OciError extends Error {
    constructor(
        readonly status: number,
        readonly code: OciErrorCode,
        message: string,
        readonly detail: unknown = null,
        readonly headers: Record<string, string> = {},
    ) {
        super(message);
    }
}

export function ociReply(error: OciError): HttpReply {
    return {
        status: error.status,
        headers: { 'docker-distribution-api-version': 'registry/2.0', ...error.headers },
        body: { errors: [{ code: error.code, message: error.message, detail: error.detail }] },
    };
}

export const AUTHENTICATION_REQUIRED = 'authentication required, visit https://aka.ms/acr/authorization for more information.';

/**
 * The login server's Bearer challenge: where to get a token (`realm`), for which registry (`service`, the login
 * server), for what (`scope`). The realm is on the host the client used (the login server itself with `--port 443`;
 * with another port, the port stays, so clients that follow the realm reach this emulator).
 */
export function challenge(requestHost: string, loginServer: string, scope?: string, error?: 'invalid_token' | 'insufficient_scope'): string {
    const parts = [`realm="https://${requestHost.replace(/:443$/, '')}/oauth2/token"`, `service="${loginServer}"`];
    if (scope) parts.push(`scope="${scope}"`);
    if (error) parts.push(`error="${error}"`);
    return `Bearer ${parts.join(',')}`;
}

export const unknownManifest = (reference: string): OciError => new OciError(404, 'MANIFEST_UNKNOWN', `manifest tagged by "${reference}" is not found`);
export const unknownBlob = (digest: string): OciError => new OciError(404, 'BLOB_UNKNOWN', 'blob unknown to registry', digest);
export const unknownName = (repository: string): OciError => new OciError(404, 'NAME_UNKNOWN', `repository "${repository}" is not found`);
