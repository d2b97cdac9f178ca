import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResponse } from '../types';

export type Params = Record<string, string>;
export interface Route {
    methods: string[];
    /** matched case-insensitively against the request path (trailing slash removed); named groups become params */
    pattern: RegExp;
    handle(ctx: EmulatorContext, req: ArmRequest, params: Params): ArmResponse | Promise<ArmResponse>;
}

export const route = (methods: string | string[], pattern: RegExp, handle: Route['handle']): Route => ({
    methods: Array.isArray(methods) ? methods : [methods],
    pattern,
    handle,
});

/** Common path prefixes (named groups `sub`, `rg`). */
export const SUB = '^/subscriptions/(?<sub>[^/]+)';
export const RG = `${SUB}/resourcegroups/(?<rg>[^/]+)`;
export const rx = (source: string): RegExp => new RegExp(source + '$', 'i');

/** The ARM endpoint without trailing slash, for absolute URLs (LRO, nextLink). */
export const armBase = (ctx: EmulatorContext): string => ctx.env.armEndpoint.replace(/\/$/, '');

export const listOf = (value: unknown[]): ArmResponse => ({ status: 200, body: { value } });
export const ok = (body: unknown, status = 200): ArmResponse => ({ status, body });
