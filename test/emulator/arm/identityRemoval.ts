import type { EmulatorContext } from '../context';
import type { Registry, RemovedEncryptionIdentity } from '../types';
import type { VaultCaller } from '../keyvault/authorize';
import { lower } from '../ids';
import { hasSystemIdentity } from './registryIdentity';

/**
 * "After an attempted identity removal, pushes and pulls keep working until the identity expires (usually three
 * months), then HTTP 403" (tutorial-troubleshoot-customer-managed-keys). The emulator counts three months as 90 days.
 */
export const REMOVED_IDENTITY_GRACE_DAYS = 90;
export const INACTIVE_IDENTITY_MESSAGE =
    'The identity associated with the registry is inactive. This could be due to attempted removal of the identity. Reassign the identity manually';

/** The registry after a write: remembers when its encryption identity left the registry, forgets it once it is back. */
export function trackEncryptionIdentity(ctx: EmulatorContext, current: Registry | undefined, next: Registry): Registry {
    const kvp = next.encryption.keyVaultProperties;
    if (next.encryption.status !== 'enabled' || !kvp) return next;
    const { removedEncryptionIdentity: _previous, ...rest } = next;
    if (identityAssigned(next, kvp.identity)) return rest;
    if (next.removedEncryptionIdentity) return next;
    const removed = removedFrom(current, kvp.identity, ctx.clock.iso());
    return removed ? { ...next, removedEncryptionIdentity: removed } : next;
}

function identityAssigned(registry: Registry, identity: string): boolean {
    if (lower(identity) === 'system') return hasSystemIdentity(registry.identity);
    return Object.values(registry.identity?.userAssignedIdentities ?? {}).some((u) => lower(u.clientId) === lower(identity));
}

function removedFrom(before: Registry | undefined, identity: string, at: string): RemovedEncryptionIdentity | undefined {
    if (!before) return undefined;
    if (lower(identity) === 'system') {
        return hasSystemIdentity(before.identity) ? { principalId: before.identity!.principalId!, system: true, removedAt: at } : undefined;
    }
    const entry = Object.values(before.identity?.userAssignedIdentities ?? {}).find((u) => lower(u.clientId) === lower(identity));
    return entry ? { principalId: entry.principalId, clientId: entry.clientId, system: false, removedAt: at } : undefined;
}

/**
 * Who reaches the key for a registry whose encryption identity was removed: that identity for the grace period,
 * then nobody (the troubleshooting page's 403). Undefined when the identity was not removed.
 */
export function removedIdentityCaller(ctx: EmulatorContext, registry: Registry): { caller: VaultCaller } | { inactive: string } | undefined {
    const removed = registry.removedEncryptionIdentity;
    if (!removed) return undefined;
    const expires = Date.parse(removed.removedAt) + REMOVED_IDENTITY_GRACE_DAYS * 86_400_000;
    if (ctx.clock.nowMs() >= expires) return { inactive: INACTIVE_IDENTITY_MESSAGE };
    return { caller: { objectId: removed.principalId, trustedService: removed.system } };
}
