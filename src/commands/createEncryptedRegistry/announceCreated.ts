import * as vscode from 'vscode';
import type { CreateRegistryContext } from './CreateRegistryContext';

/**
 * The notification that ends a successful Create: what now exists, by name, and what a user does next. Not awaited:
 * the command (and its progress) ends while the notification stays.
 */
export function announceCreated(context: CreateRegistryContext, registryId: string): void {
    const showEncryption = vscode.l10n.t('Show Encryption');
    const diagnose = vscode.l10n.t('Diagnose Key Access');
    const key = context.key?.name ?? '';
    const vault =
        context.vault?.kind === 'new'
            ? context.vault.name
            : (context.vaultInfo?.name ?? lastSegment(context.vault?.kind === 'existing' ? context.vault.id : ''));
    const identity = context.identity?.kind === 'new' ? context.identity.name : lastSegment(context.identity?.kind === 'existing' ? context.identity.id : '');
    const message = vscode.l10n.t(
        'Created registry "{0}" encrypted with key "{1}" of key vault "{2}", through user-assigned identity "{3}".',
        context.registryName ?? '',
        key,
        vault,
        identity,
    );
    void vscode.window.showInformationMessage(message, showEncryption, diagnose).then((choice) => {
        if (choice === showEncryption) {
            void vscode.commands.executeCommand('acrCmk.showEncryption', registryId);
        } else if (choice === diagnose) {
            void vscode.commands.executeCommand('acrCmk.diagnoseKeyAccess', registryId);
        }
    });
}

function lastSegment(id: string): string {
    return (
        id
            .split('/')
            .filter((part) => part.length > 0)
            .pop() ?? ''
    );
}
