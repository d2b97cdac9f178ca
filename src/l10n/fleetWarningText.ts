import * as vscode from 'vscode';
import type { FleetWarning } from '../domain/fleet/report/fleetWarnings';
import { identityNotAssignedText, thenSentence } from './encryptionHealthText';
import { shortVersion } from './encryptionText';

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** One fleet warning in words, for the views' tooltips and the fleet key report. */
export function fleetWarningText(warning: FleetWarning): string {
    switch (warning.code) {
        case 'keyExpired':
            return vscode.l10n.t('The key expired on {0}: registries that use it can no longer wrap new data.', day(warning.expiresOn));
        case 'keyExpiresSoon':
            return warning.days === 0
                ? vscode.l10n.t('The key expires today ({0}).', day(warning.expiresOn))
                : vscode.l10n.t({
                      message: 'The key expires in {0} days ({1}).',
                      args: [warning.days, day(warning.expiresOn)],
                      comment: ['{0}: a number of days', '{1}: a date'],
                  });
        case 'keyDisabled':
            return vscode.l10n.t("The key's latest version is disabled.");
        case 'keyDeleted':
            return vscode.l10n.t('The key is deleted (soft-deleted, recoverable until purged).');
        case 'keyMissing':
            return vscode.l10n.t('The key was not found in its key vault.');
        case 'keyUnreadable':
            return vscode.l10n.t('The key could not be read: {0}', warning.reason);
        case 'versionNotPickedUp':
            return vscode.l10n.t({
                message: 'Still on version {0} {1} hours after version {2} was made: Azure has not picked it up.',
                args: [shortVersion(warning.current), warning.hours, shortVersion(warning.latest)],
                comment: ['{0}: a key version (its first 8 characters)', '{1}: a number of hours', '{2}: a key version (its first 8 characters)'],
            });
        case 'pinnedVersionOld':
            return vscode.l10n.t({
                message: 'Pinned to version {0}, made {1} days ago: rotate it.',
                args: [shortVersion(warning.version), warning.days],
                comment: ['{0}: a key version (its first 8 characters)', '{1}: a number of days'],
            });
        case 'identityRemoved':
            return thenSentence(identityNotAssignedText(warning.clientId), vscode.l10n.t('The registry loses its key when the identity becomes inactive.'));
        case 'noPurgeProtection':
            return vscode.l10n.t('Key vault "{0}" has no purge protection: a purged key makes the registry\'s data unrecoverable.', warning.vault);
    }
}

/** The suffix a registry row of the Registries view gets for its fleet warnings (each one is worded in its tooltip). */
export function fleetWarningMarkLabel(count: number): string {
    return count === 1 ? vscode.l10n.t('⚠ 1 fleet warning') : vscode.l10n.t('⚠ {0} fleet warnings', count);
}
