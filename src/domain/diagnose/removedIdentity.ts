import type { RegistrySummary } from '../registries/RegistryEncryption';
import { day, isoDate } from './keyChecks';

/**
 * ACR's troubleshooting page: after an attempted removal of the encryption identity, pushes and pulls keep working
 * until the identity expires, "usually three months", then HTTP 403 "The identity associated with the registry is
 * inactive". Counted here as 90 days.
 */
export const removedIdentityGraceDays = 90;

/**
 * How long a removed encryption identity may still work. Azure does not say when it was removed, but it was removed
 * by a write to the registry, so at the latest at `systemData.lastModifiedAt`: the identity stops working at the
 * latest `removedIdentityGraceDays` after that. Undefined when the registry reports no modification time.
 */
export function removedIdentityDeadline(registry: RegistrySummary, now: Date): { readonly until: string; readonly inactive: boolean } | undefined {
    const modified = registry.raw.systemData?.lastModifiedAt;
    const at = modified instanceof Date ? modified.getTime() : typeof modified === 'string' ? Date.parse(modified) : Number.NaN;
    if (Number.isNaN(at)) {
        return undefined;
    }
    const deadline = new Date(at + removedIdentityGraceDays * day);
    return { until: isoDate(deadline), inactive: now.getTime() >= deadline.getTime() };
}
