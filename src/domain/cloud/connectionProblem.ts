import { DomainError } from '../errors';

// Node's TLS verification failures: the server answered, but with a certificate this process does not trust.
const untrustedCertificateCodes = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_UNTRUSTED',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Recognizes a connection failure whose SDK message alone would not tell the user what to fix: an untrusted
 * server certificate (custom clouds with a private CA), or MSAL failing to read the authority's endpoints
 * (it hides the cause: unreachable host or untrusted certificate). Undefined for anything else.
 */
export function connectionProblem(error: unknown): DomainError | undefined {
    const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown }; request?: { url?: string } } | undefined;
    const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : '';
    if (untrustedCertificateCodes.has(code)) {
        return new DomainError('ServerCertificateUntrusted', { host: hostOf(e?.request?.url), reason: code });
    }
    if (typeof e?.message === 'string' && /\bendpoints_resolution_error\b/.test(e.message)) {
        return new DomainError('AuthorityEndpointsUnreachable', { reason: 'endpoints_resolution_error' });
    }
    return undefined;
}

function hostOf(url: string | undefined): string {
    try {
        return url ? new URL(url).host : '';
    } catch {
        return '';
    }
}
