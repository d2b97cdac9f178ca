import type { FleetWarning, FleetWarningCode } from '../domain/fleet/report/fleetWarnings';

/** Warnings that mean the registry cannot use its key now (an error mark); the others warn of what is coming. */
const unusableKey: ReadonlySet<FleetWarningCode> = new Set(['keyExpired', 'keyDisabled', 'keyDeleted', 'keyMissing']);

export function fleetWarningSeverity(warning: FleetWarning): 'error' | 'warning' {
    return unusableKey.has(warning.code) ? 'error' : 'warning';
}

/** A registry's mark: the worst of its warnings; undefined without any. */
export function fleetMarkSeverity(warnings: readonly FleetWarning[] | undefined): 'error' | 'warning' | undefined {
    return !warnings || warnings.length === 0 ? undefined : warnings.some((warning) => fleetWarningSeverity(warning) === 'error') ? 'error' : 'warning';
}
