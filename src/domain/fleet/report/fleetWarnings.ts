import type { KeyHealth, KeyUser } from '../keysInUse';
import type { FleetVault } from '../readFleet';
import { identityHealth } from '../../registries/encryptionHealth';

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/** What the fleet warns about, as data: the UI words it (views, report) and counts it. */
export type FleetWarning =
    | { readonly code: 'keyExpired'; readonly expiresOn: Date }
    | { readonly code: 'keyExpiresSoon'; readonly expiresOn: Date; readonly days: number }
    | { readonly code: 'keyDisabled' }
    | { readonly code: 'keyDeleted' }
    | { readonly code: 'keyMissing' }
    | { readonly code: 'keyUnreadable'; readonly reason: string }
    /** Versionless, but still on an older version more than an hour after the newest was made (ACR did not pick it up). */
    | { readonly code: 'versionNotPickedUp'; readonly current: string; readonly latest: string; readonly hours: number }
    /** Pinned to a version made longer ago than the limit (manual rotation overdue). */
    | { readonly code: 'pinnedVersionOld'; readonly version: string; readonly days: number }
    /** The encryption identity is no longer assigned to the registry: it keeps working for a while, then the registry loses its key. */
    | { readonly code: 'identityRemoved'; readonly clientId: string }
    | { readonly code: 'noPurgeProtection'; readonly vault: string };

export type FleetWarningCode = FleetWarning['code'];

/** Warnings that mean the registry cannot use its key now (an error mark); the others warn of what is coming. */
const unusableKey: ReadonlySet<FleetWarningCode> = new Set(['keyExpired', 'keyDisabled', 'keyDeleted', 'keyMissing']);

export function fleetWarningSeverity(warning: FleetWarning): 'error' | 'warning' {
    return unusableKey.has(warning.code) ? 'error' : 'warning';
}

/** A registry's mark: the worst of its warnings; undefined without any. */
export function fleetMarkSeverity(warnings: readonly FleetWarning[] | undefined): 'error' | 'warning' | undefined {
    return !warnings || warnings.length === 0 ? undefined : warnings.some((warning) => fleetWarningSeverity(warning) === 'error') ? 'error' : 'warning';
}

export interface WarningLimits {
    /** A key expiring within this many days is flagged (default 30). */
    readonly expiryDays: number;
    /** A pinned version older than this many days is flagged (default 90: Microsoft's suggested rotation interval). */
    readonly pinnedMaxAgeDays: number;
}

export const defaultWarningLimits: WarningLimits = { expiryDays: 30, pinnedMaxAgeDays: 90 };

/** Warnings about a key in use, from what Key Vault said of its latest version. */
export function keyWarnings(health: KeyHealth, now: Date, limits: WarningLimits = defaultWarningLimits): FleetWarning[] {
    if (health.unreadable) {
        return [{ code: 'keyUnreadable', reason: health.unreadable }];
    }
    if (health.lookup.kind !== 'found') {
        return [{ code: health.lookup.kind === 'softDeleted' ? 'keyDeleted' : 'keyMissing' }];
    }
    const state = health.lookup.state;
    const warnings: FleetWarning[] = state.enabled ? [] : [{ code: 'keyDisabled' }];
    if (state.expiresOn) {
        const days = Math.floor((state.expiresOn.getTime() - now.getTime()) / dayMs);
        if (state.expiresOn.getTime() <= now.getTime()) {
            warnings.push({ code: 'keyExpired', expiresOn: state.expiresOn });
        } else if (days < limits.expiryDays) {
            warnings.push({ code: 'keyExpiresSoon', expiresOn: state.expiresOn, days });
        }
    }
    return warnings;
}

/**
 * Warnings about one registry on the key: its version against the key's latest (versionless but not moved on after an
 * hour; pinned to a version older than the limit, when its creation time is known), and its identity.
 */
export function registryWarnings(
    user: KeyUser,
    health: KeyHealth,
    pinnedCreatedOn: Date | undefined,
    now: Date,
    limits: WarningLimits = defaultWarningLimits,
): FleetWarning[] {
    const warnings: FleetWarning[] = [];
    const { encryption } = user;
    const latest = health.lookup.kind === 'found' ? health.lookup.state : undefined;
    const current = encryption.currentVersion;
    if (encryption.rotation !== 'manual' && latest?.version && current && latest.version.toLowerCase() !== current.toLowerCase() && latest.createdOn) {
        const hours = Math.floor((now.getTime() - latest.createdOn.getTime()) / hourMs);
        if (hours >= 1) {
            warnings.push({ code: 'versionNotPickedUp', current, latest: latest.version, hours });
        }
    }
    if (encryption.rotation === 'manual' && current && pinnedCreatedOn) {
        const days = Math.floor((now.getTime() - pinnedCreatedOn.getTime()) / dayMs);
        if (days > limits.pinnedMaxAgeDays) {
            warnings.push({ code: 'pinnedVersionOld', version: current, days });
        }
    }
    const identity = identityHealth(encryption);
    if (identity.kind === 'notAssigned') {
        warnings.push({ code: 'identityRemoved', clientId: identity.clientId });
    }
    return warnings;
}

export function vaultWarnings(vault: FleetVault | undefined): FleetWarning[] {
    return vault && !vault.enablePurgeProtection ? [{ code: 'noPurgeProtection', vault: vault.name }] : [];
}
