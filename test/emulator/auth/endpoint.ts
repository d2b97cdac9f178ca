import type { EmulatorContext } from '../context';
import { lower } from '../ids';

/** Which authority a protocol request came through: it decides the issuer named in id tokens and the endpoint URLs. */
export interface IssuerEndpoint {
    /** as in the path: the tenant id, `organizations`, `common` or `adfs` */
    tenantSegment: string;
    isAdfs: boolean;
    /** `oauth2/token` rather than `oauth2/v2.0/token` (ADAL-era clients: `resource` instead of `scope`) */
    v1: boolean;
    /** `{authority}/{tenant id}` or the ADFS authority: the prefix of every endpoint in the metadata */
    base: string;
    /** the metadata's `issuer`, which id tokens repeat exactly (MSAL Python compares them) */
    issuer: string;
}

export function isKnownTenant(ctx: EmulatorContext, tenantSegment: string): boolean {
    return ['adfs', 'organizations', 'common', lower(ctx.world.tenantId)].includes(lower(tenantSegment));
}

export function endpointFor(ctx: EmulatorContext, tenantSegment: string, v1: boolean): IssuerEndpoint {
    const isAdfs = lower(tenantSegment) === 'adfs';
    const base = isAdfs ? ctx.env.adfsAuthority : `${ctx.env.authority}/${ctx.world.tenantId}`;
    return { tenantSegment, isAdfs, v1, base, issuer: isAdfs ? ctx.env.adfsAuthority : `${base}/v2.0` };
}
