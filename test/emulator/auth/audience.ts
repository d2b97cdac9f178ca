import type { EmulatorContext } from '../context';
import { lower } from '../ids';

/** The resource (audience) a scope or v1 `resource` names, if the emulator serves it. */
export function audienceFor(ctx: EmulatorContext, scopeOrResource: string): string | undefined {
    const scope = scopeOrResource.split(' ').find((s) => s.endsWith('/.default')) ?? scopeOrResource;
    const resource = scope.replace(/\/\.default$/, '');
    const norm = (s: string): string => lower(s).replace(/\/+$/, '');
    const known = [ctx.env.armAudience, ctx.env.keyVaultAudience, ctx.env.graphEndpoint, ctx.env.armEndpoint];
    const match = known.find((k) => norm(k) === norm(resource));
    return match === undefined ? undefined : resource;
}
