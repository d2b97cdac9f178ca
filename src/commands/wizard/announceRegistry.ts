import * as vscode from 'vscode';

/**
 * The notification that ends a flow which made a registry (Create, a template deployment): what now exists, and what a
 * user does next. Not awaited: the command (and its progress) ends while the notification stays.
 */
export function announceRegistry(message: string, registryId: string): void {
    const next = new Map([
        [vscode.l10n.t('Show Encryption'), 'acrCmk.showEncryption'],
        [vscode.l10n.t('Diagnose Key Access'), 'acrCmk.diagnoseKeyAccess'],
    ]);
    void vscode.window.showInformationMessage(message, ...next.keys()).then((choice) => {
        if (choice) {
            void vscode.commands.executeCommand(next.get(choice)!, registryId);
        }
    });
}
