import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import { signJwt, jwks } from './tokens';
import { lower } from '../ids';

const TOKEN_LIFETIME_SECONDS = 3599;

/** An AAD-shaped OAuth error (`{error, error_description, error_codes}`). */
export function aadError(status: number, error: string, aadsts: number, description: string): HttpReply {
  return { status, body: { error, error_description: `AADSTS${aadsts}: ${description}`, error_codes: [aadsts],
    timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z', trace_id: '00000000-0000-0000-0000-000000000000',
    correlation_id: '00000000-0000-0000-0000-000000000000' } };
}

function openIdConfiguration(ctx: EmulatorContext, base: string, issuer: string): HttpReply {
  return { status: 200, body: {
    issuer, token_endpoint: `${base}/oauth2/v2.0/token`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    jwks_uri: `${base}/discovery/v2.0/keys`, end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'], scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    subject_types_supported: ['pairwise'], id_token_signing_alg_values_supported: ['RS256'], tenant_region_scope: 'EU',
    cloud_instance_name: 'localhost', cloud_graph_host_name: 'graph.localhost', msgraph_host: new URL(ctx.env.graphEndpoint).host,
  } };
}

/** The resource (audience) a scope or v1 `resource` names, if the emulator serves it. */
export function audienceFor(ctx: EmulatorContext, scopeOrResource: string): string | undefined {
  const scope = scopeOrResource.split(' ').find((s) => s.endsWith('/.default')) ?? scopeOrResource;
  const resource = scope.replace(/\/\.default$/, '');
  const norm = (s: string): string => lower(s).replace(/\/+$/, '');
  const known = [ctx.env.armAudience, ctx.env.keyVaultAudience, ctx.env.graphEndpoint, ctx.env.armEndpoint];
  const match = known.find((k) => norm(k) === norm(resource));
  return match === undefined ? undefined : resource;
}

function issueToken(ctx: EmulatorContext, ex: HttpExchange, tenant: string): HttpReply {
  const form = new URLSearchParams(ex.body.toString('utf8'));
  if (form.get('grant_type') !== 'client_credentials') {
    return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type. Only client_credentials is supported by the emulator.');
  }
  const clientId = form.get('client_id') ?? '';
  const principal = ctx.world.principals[lower(clientId)];
  if (!principal) {
    return aadError(401, 'invalid_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`);
  }
  if (form.get('client_secret') !== principal.clientSecret) {
    return aadError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
  }
  const requested = form.get('scope') ?? form.get('resource') ?? '';
  const aud = audienceFor(ctx, requested);
  if (!aud) {
    return aadError(400, 'invalid_resource', 500011, `The resource principal named ${requested.replace(/\/\.default.*$/, '')} was not found in the tenant named ${tenant}.`);
  }
  const now = Math.floor(Date.now() / 1000);
  const accessToken = signJwt(ctx.signingKey, {
    aud, iss: `${ctx.env.authority}/${ctx.world.tenantId}/`, iat: now, nbf: now, exp: now + TOKEN_LIFETIME_SECONDS,
    tid: ctx.world.tenantId, oid: principal.objectId, sub: principal.objectId, appid: principal.clientId, azp: principal.clientId,
    idtyp: 'app', ver: '1.0',
  });
  ctx.issued.token(accessToken);
  return { status: 200, body: { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: accessToken, ...(form.get('resource') ? { resource: aud } : {}) } };
}

/** OIDC discovery, JWKS and the client-credentials token endpoint, for an Entra tenant and for `/adfs`. */
export function handleIssuer(ctx: EmulatorContext, ex: HttpExchange): HttpReply | undefined {
  const m = /^\/([^/]+)(\/v2\.0)?\/(\.well-known\/openid-configuration|discovery\/(?:v2\.0\/)?keys|oauth2\/(?:v2\.0\/)?token)$/i.exec(ex.path);
  if (!m) {
    if (ex.path === '/common/discovery/instance') {
      return { status: 200, body: { tenant_discovery_endpoint: `${ctx.env.authority}/${ctx.world.tenantId}/v2.0/.well-known/openid-configuration`, 'api-version': '1.1', metadata: [] } };
    }
    return undefined;
  }
  const [, tenantSegment, , what] = m as unknown as [string, string, string | undefined, string];
  const isAdfs = lower(tenantSegment) === 'adfs';
  const tenantKnown = isAdfs || ['organizations', 'common', lower(ctx.world.tenantId)].includes(lower(tenantSegment));
  if (!tenantKnown) {
    return aadError(400, 'invalid_request', 90002, `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  const base = isAdfs ? ctx.env.adfsAuthority : `${ctx.env.authority}/${ctx.world.tenantId}`;
  if (what.startsWith('.well-known')) {
    if (ex.method !== 'GET') return undefined;
    return openIdConfiguration(ctx, base, isAdfs ? ctx.env.adfsAuthority : `${base}/v2.0`);
  }
  if (what.startsWith('discovery')) return { status: 200, body: jwks(ctx.signingKey) };
  if (ex.method !== 'POST') return { status: 405, body: { error: 'invalid_request', error_description: 'POST required' } };
  return issueToken(ctx, ex, tenantSegment);
}
