import * as vscode from 'vscode';
import type { RotationPlan } from '../../domain/rotate/RotationPlan';
import type { RotationResult } from '../../domain/rotate/runRotation';
import { snapshotText } from '../../l10n/encryptionText';

/**
 * The notification that ends a rotation-type flow: what the registry now uses, by name. Shown once the wizard's
 * progress has closed (a notification raised inside that progress did not always reach the notification centre), and
 * not awaited: the command ends while it stays.
 */
export function announceRotation(plan: RotationPlan, result: RotationResult): void {
    const message =
        !plan.steps.has('switchEncryption') && plan.steps.has('createKeyVersion')
            ? vscode.l10n.t(
                  'Registry "{0}" keeps its versionless key and picks up the new version of key "{1}" within an hour; now {2}.',
                  plan.registry.name,
                  plan.key.keyName,
                  snapshotText(result.after),
              )
            : vscode.l10n.t('Registry "{0}" now uses {1}.', plan.registry.name, snapshotText(result.after));
    const showEncryption = vscode.l10n.t('Show Encryption');
    void vscode.window.showInformationMessage(message, showEncryption).then((choice) => {
        if (choice === showEncryption) {
            void vscode.commands.executeCommand('acrCmk.showEncryption', plan.registry.id);
        }
    });
}
