import type { EmulatorContext } from '../context';
import type { HttpReply } from '../http';
import { lower } from '../ids';
import { aadError } from './aadError';
import { audienceFor } from './audience';
import { signJwt } from './tokens';

const TOKEN_LIFETIME_SECONDS = 3599;

/** `grant_type=client_credentials`: a service principal's app token (`idtyp: app`). */
export function clientCredentialsToken(ctx: EmulatorContext, form: URLSearchParams, tenant: string): HttpReply {
    const clientId = form.get('client_id') ?? '';
    const principal = ctx.world.principals[lower(clientId)];
    if (!principal) {
        return aadError(401, 'invalid_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`);
    }
    if (form.get('client_secret') !== principal.clientSecret) {
        return aadError(
            401,
            'invalid_client',
            7000215,
            `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
        );
    }
    const requested = form.get('scope') ?? form.get('resource') ?? '';
    const aud = audienceFor(ctx, requested);
    if (!aud) {
        return aadError(
            400,
            'invalid_resource',
            500011,
            `The resource principal named ${requested.replace(/\/\.default.*$/, '')} was not found in the tenant named ${tenant}.`,
        );
    }
    const now = Math.floor(Date.now() / 1000);
    const accessToken = signJwt(ctx.signingKey, {
        aud,
        iss: `${ctx.env.authority}/${ctx.world.tenantId}/`,
        iat: now,
        nbf: now,
        exp: now + TOKEN_LIFETIME_SECONDS,
        tid: ctx.world.tenantId,
        oid: principal.objectId,
        sub: principal.objectId,
        appid: principal.clientId,
        azp: principal.clientId,
        idtyp: 'app',
        ver: '1.0',
    });
    ctx.issued.token(accessToken);
    return {
        status: 200,
        body: {
            token_type: 'Bearer',
            expires_in: TOKEN_LIFETIME_SECONDS,
            ext_expires_in: TOKEN_LIFETIME_SECONDS,
            access_token: accessToken,
            ...(form.get('resource') ? { resource: aud } : {}),
        },
    };
}
