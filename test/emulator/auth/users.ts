import type { EmulatorContext } from '../context';
import type { TenantUser } from '../types';
import { lower } from '../ids';

/** The tenant's users in a stable order (as seeded). */
export const tenantUsers = (ctx: EmulatorContext): TenantUser[] => Object.values(ctx.world.users ?? {});

export const findUser = (ctx: EmulatorContext, upn: string | undefined): TenantUser | undefined => (upn ? ctx.world.users?.[lower(upn.trim())] : undefined);

export const userByObjectId = (ctx: EmulatorContext, objectId: string): TenantUser | undefined =>
    tenantUsers(ctx).find((u) => lower(u.objectId) === lower(objectId));
