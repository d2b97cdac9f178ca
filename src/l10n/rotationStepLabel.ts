import * as vscode from 'vscode';
import type { RotationStepName } from '../domain/rotate/RotationPlan';
import { listText } from './listText';

/** The localized name of one step of a key rotation, as error messages and summaries show it. */
export function rotationStepLabel(step: string): string {
    const labels: Record<RotationStepName, () => string> = {
        reassignIdentity: () => vscode.l10n.t('re-assign the encryption identity to the registry'),
        assignIdentity: () => vscode.l10n.t('assign the user-assigned managed identity to the registry'),
        enableSystemIdentity: () => vscode.l10n.t('enable the system-assigned identity'),
        grantAccess: () => vscode.l10n.t('grant the identity access to the key'),
        enableTrustedServices: () => vscode.l10n.t('allow trusted Microsoft services through the key vault firewall'),
        grantPolicyRights: () => vscode.l10n.t('give you the key permissions getrotationpolicy and setrotationpolicy on the key vault'),
        createKeyVersion: () => vscode.l10n.t('create a new key version'),
        switchEncryption: () => vscode.l10n.t("switch the registry's encryption to the chosen key and identity"),
        setRotationPolicy: () => vscode.l10n.t('set the key rotation policy'),
        removeOldGrant: () => vscode.l10n.t("remove the previous identity's access"),
    };
    return labels[step as RotationStepName]?.() ?? step;
}

/** `a, b, c` of localized step names; "nothing" when empty. */
export function rotationStepList(steps: readonly string[]): string {
    return listText(steps.map(rotationStepLabel));
}
