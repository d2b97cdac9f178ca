import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import { jwks } from './tokens';
import { lower } from '../ids';
import { aadError, missingParameter } from './aadError';
import { endpointFor, isKnownTenant, type IssuerEndpoint } from './endpoint';
import { formOf } from './forms';
import { clientCredentialsToken } from './clientCredentials';
import { handleAuthorize } from './authorize';
import { handleLogin } from './login';
import { handleLogout } from './browserSession';
import { handleDeviceLogin, redeemDeviceCode, startDeviceFlow, unknownClient } from './deviceCode';
import { redeemAuthorizationCode, redeemRefreshToken } from './userGrants';
import { publicClientName } from './publicClients';
import { instanceDiscovery } from './instanceDiscovery';

export { aadError } from './aadError';
export { audienceFor } from './audience';

const TENANT_PATH =
    /^\/([^/]+)(\/v2\.0)?\/(\.well-known\/openid-configuration|discovery\/(?:v2\.0\/)?keys|oauth2\/(v2\.0\/)?(token|authorize|devicecode|logout)|login)$/i;
const DEVICE_CODE_GRANTS = ['urn:ietf:params:oauth:grant-type:device_code', 'device_code'];

function openIdConfiguration(ctx: EmulatorContext, endpoint: IssuerEndpoint): HttpReply {
    const { base, issuer } = endpoint;
    return {
        status: 200,
        body: {
            issuer,
            token_endpoint: `${base}/oauth2/v2.0/token`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
            response_types_supported: ['code'],
            response_modes_supported: ['query', 'fragment', 'form_post'],
            grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code'],
            code_challenge_methods_supported: ['S256'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
            subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'],
            claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'nonce', 'name', 'preferred_username', 'oid', 'tid', 'ver', 'upn', 'email'],
            request_uri_parameter_supported: false,
            frontchannel_logout_supported: true,
            http_logout_supported: true,
            tenant_region_scope: 'EU',
            cloud_instance_name: 'localhost',
            cloud_graph_host_name: 'graph.localhost',
            msgraph_host: new URL(ctx.env.graphEndpoint).host,
        },
    };
}

/** The token endpoint: client credentials (service principals) and the grants of interactive users. */
function issueToken(ctx: EmulatorContext, ex: HttpExchange, endpoint: IssuerEndpoint): HttpReply {
    const form = formOf(ex);
    const grantType = form.get('grant_type') ?? '';
    if (grantType === 'client_credentials') return clientCredentialsToken(ctx, form, endpoint.tenantSegment);
    const isUserGrant = ['authorization_code', 'refresh_token', ...DEVICE_CODE_GRANTS].includes(grantType);
    if (!isUserGrant) {
        return aadError(
            400,
            'unsupported_grant_type',
            70003,
            `The app requested an unsupported grant type '${grantType}'. The emulator supports client_credentials, authorization_code, refresh_token and device_code.`,
        );
    }
    const clientId = form.get('client_id');
    if (!clientId) return missingParameter('client_id');
    if (!publicClientName(clientId)) return unknownClient(clientId, endpoint);
    if (grantType === 'authorization_code') return redeemAuthorizationCode(ctx, form, endpoint);
    if (grantType === 'refresh_token') return redeemRefreshToken(ctx, form, endpoint);
    return redeemDeviceCode(ctx, form, endpoint);
}

/** OIDC discovery, JWKS, and the OAuth endpoints of an Entra tenant and of `/adfs`, plus the sign-in pages. */
export function handleIssuer(ctx: EmulatorContext, ex: HttpExchange): HttpReply | undefined {
    if (/^\/common\/discovery\/instance$/i.test(ex.path)) return instanceDiscovery(ctx, ex);
    if (/^\/devicelogin$/i.test(ex.path)) return handleDeviceLogin(ctx, ex);
    const m = TENANT_PATH.exec(ex.path);
    if (!m) return undefined;
    const [, tenantSegment, , what, oauthV2, oauthEndpoint] = m as unknown as [
        string,
        string,
        string | undefined,
        string,
        string | undefined,
        string | undefined,
    ];
    if (!isKnownTenant(ctx, tenantSegment)) {
        if (lower(what) === 'login') return undefined;
        return aadError(
            400,
            'invalid_request',
            90002,
            `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        );
    }
    const endpoint = endpointFor(ctx, tenantSegment, oauthEndpoint !== undefined && !oauthV2);
    if (what.startsWith('.well-known')) return ex.method === 'GET' ? openIdConfiguration(ctx, endpoint) : undefined;
    if (what.startsWith('discovery')) return { status: 200, body: jwks(ctx.signingKey) };
    const name = lower(oauthEndpoint ?? what);
    if (name === 'authorize') return handleAuthorize(ctx, ex, endpoint);
    if (name === 'logout') return handleLogout(ctx, ex);
    if (ex.method !== 'POST') return { status: 405, body: { error: 'invalid_request', error_description: 'POST required' } };
    if (name === 'login') return handleLogin(ctx, ex);
    if (name === 'devicecode') return startDeviceFlow(ctx, ex, endpoint);
    return issueToken(ctx, ex, endpoint);
}
