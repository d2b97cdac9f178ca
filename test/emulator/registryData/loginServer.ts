import type { EmulatorContext } from '../context';
import type { Registry } from '../types';
import { findRegistryByName } from '../store';

/** The registry whose login server (`<name><acrLoginServerSuffix>`) this host name is, if one exists. */
export function registryForHost(ctx: EmulatorContext, hostname: string): Registry | undefined {
    // The suffix carries the port when the emulator is not on 443; a host name never does.
    const suffix = ctx.env.acrLoginServerSuffix.toLowerCase().replace(/:\d+$/, '');
    if (!hostname.endsWith(suffix)) return undefined;
    const name = hostname.slice(0, -suffix.length);
    return /^[a-z0-9]+$/.test(name) ? findRegistryByName(ctx.world, name) : undefined;
}
