import type { FleetReport } from '../../domain/fleet/report/fleetReport';
import { expiryText, keyStateText, latestVersion, registryIdentityText, warningsText } from './reportRows';

/** Stable column names (a data format for spreadsheets and scripts, as Azure's own CSV exports keep theirs in English). */
const columns = [
    'registry',
    'subscriptionId',
    'subscription',
    'resourceGroup',
    'location',
    'keyVault',
    'key',
    'keyIdentifier',
    'versioning',
    'versionInUse',
    'latestVersion',
    'keyState',
    'keyExpires',
    'identity',
    'warnings',
] as const;

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. A leading =, +, - or @ is defused for spreadsheets. */
export function csvField(value: string): string {
    const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The fleet key report as CSV: one row per registry with a customer-managed key, its key's state and its warnings. */
export function fleetReportCsv(report: FleetReport, subscriptionName: (subscriptionId: string) => string): string {
    const rows = report.registries.map((registry) => {
        const { registry: summary, encryption } = registry.user;
        return [
            summary.name,
            summary.subscriptionId,
            subscriptionName(summary.subscriptionId),
            summary.resourceGroup,
            summary.location,
            registry.key.vault.vaultName,
            registry.key.key.keyName,
            encryption.keyIdentifier,
            encryption.rotation === 'manual' ? 'pinned' : 'versionless',
            encryption.currentVersion ?? '',
            latestVersion(registry.key) ?? '',
            keyStateText(registry.key),
            expiryText(registry.key),
            registryIdentityText(registry),
            warningsText([...registry.key.warnings, ...registry.warnings]),
        ];
    });
    return [columns, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
