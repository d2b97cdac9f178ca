import * as vscode from 'vscode';
import type { FleetReport, ReportKey, ReportRegistry } from '../../domain/fleet/report/fleetReport';
import { fleetWarningSeverity, type FleetWarning } from '../../domain/fleet/report/fleetWarnings';
import { identityLabel, shortVersion } from '../../l10n/encryptionText';
import { fleetWarningText } from '../../l10n/fleetWarningText';
import { isoDurationText } from '../../l10n/isoDurationText';
import type { TimelineRow } from './expiryTimeline';

/** The words both report formats share: a key's state, its expiry, its rotation, a registry's version and identity. */
export function keyStateText(key: ReportKey): string {
    const { lookup, unreadable } = key.health;
    if (unreadable) {
        return vscode.l10n.t('unreadable');
    }
    switch (lookup.kind) {
        case 'softDeleted':
            return vscode.l10n.t('deleted');
        case 'missing':
            return vscode.l10n.t('not found');
        case 'found':
            return lookup.state.enabled ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled');
    }
}

export const isoDay = (date: Date | undefined): string => date?.toISOString().slice(0, 10) ?? '';

export function expiryText(key: ReportKey): string {
    return key.health.lookup.kind === 'found' ? isoDay(key.health.lookup.state.expiresOn) || vscode.l10n.t('no expiry') : '';
}

export function rotationText(key: ReportKey): string {
    const rotation = key.health.rotation;
    if (!rotation) {
        return '';
    }
    return rotation.autoRotates ? vscode.l10n.t('rotates {0}', isoDurationText(rotation.interval ?? '')) : vscode.l10n.t('no automatic rotation');
}

export function latestVersion(key: ReportKey): string | undefined {
    return key.health.lookup.kind === 'found' ? key.health.lookup.state.version : undefined;
}

export function versionText(registry: ReportRegistry): string {
    const current = registry.user.encryption.currentVersion;
    return registry.user.encryption.rotation === 'manual'
        ? vscode.l10n.t('pinned to {0}', shortVersion(current ?? ''))
        : current
          ? vscode.l10n.t('versionless, now {0}', shortVersion(current))
          : vscode.l10n.t('versionless');
}

export const registryIdentityText = (registry: ReportRegistry): string => identityLabel(registry.user.encryption.identity);

export const warningsText = (warnings: readonly FleetWarning[]): string => warnings.map(fleetWarningText).join(' ');

/** Every warning of the report with what it is about, worst first (keys, then registries, then vaults). */
export function allWarnings(report: FleetReport): { subject: string; text: string }[] {
    const about = (subject: string, warnings: readonly FleetWarning[]) => warnings.map((warning) => ({ subject, text: fleetWarningText(warning) }));
    return [
        ...report.keys.flatMap((key) => about(`${key.vault.vaultName}/${key.key.keyName}`, key.warnings)),
        ...report.registries.flatMap((registry) => about(registry.user.registry.name, registry.warnings)),
        ...report.vaults.flatMap((vault) => about(vault.entry.vaultName, vault.warnings)),
    ];
}

/** A key's row on the expiry timeline. */
export function timelineRow(key: ReportKey): TimelineRow {
    const state = key.health.lookup.kind === 'found' ? key.health.lookup.state : undefined;
    const tone = key.warnings.some((warning) => fleetWarningSeverity(warning) === 'error')
        ? 'expired'
        : key.warnings.some((warning) => warning.code === 'keyExpiresSoon')
          ? 'soon'
          : state
            ? 'ok'
            : 'unknown';
    const users = key.key.users.length;
    const label = vscode.l10n.t('{0}/{1} ({2})', key.vault.vaultName, key.key.keyName, users);
    const endText = state ? expiryText(key) : keyStateText(key);
    const registries = users === 1 ? vscode.l10n.t('1 registry') : vscode.l10n.t('{0} registries', users);
    return {
        label,
        createdOn: state?.createdOn,
        expiresOn: state?.expiresOn,
        tone,
        endText,
        title: vscode.l10n.t('{0}: {1}, {2} · {3}', label, keyStateText(key), endText, registries),
    };
}
