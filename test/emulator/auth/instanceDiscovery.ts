import type { EmulatorContext } from '../context';
import type { HttpExchange, HttpReply } from '../http';
import { aadError } from './aadError';

/**
 * `GET /common/discovery/instance?authorization_endpoint=…&api-version=1.1`: Entra's instance discovery, answered for
 * this host only (anything else is `invalid_instance`, AADSTS50049). MSAL asks login.microsoftonline.com for it, never a
 * custom host, so a client configures it instead: MSAL's `cloudDiscoveryMetadata` may be this answer, or `knownAuthorities`.
 */
export function instanceDiscovery(ctx: EmulatorContext, ex: HttpExchange): HttpReply {
    const here = new URL(ctx.env.authority);
    const aliases = [here.host, `127.0.0.1:${here.port}`];
    const asked = ex.query.authorization_endpoint;
    let tenant = ctx.world.tenantId;
    if (asked) {
        let url: URL | undefined;
        try {
            url = new URL(asked);
        } catch {
            url = undefined;
        }
        if (!url || url.protocol !== 'https:' || !aliases.includes(url.host)) {
            return aadError(400, 'invalid_instance', 50049, 'Unknown or invalid instance.');
        }
        tenant = url.pathname.split('/')[1] || tenant;
    }
    return {
        status: 200,
        body: {
            tenant_discovery_endpoint: `${ctx.env.authority}/${tenant}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: here.host, preferred_cache: here.host, aliases }],
        },
    };
}
