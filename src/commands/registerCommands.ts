import { registerCommand, type IActionContext } from '@microsoft/vscode-azext-utils';
import type { CommandServices } from './CommandServices';
import { createEncryptedRegistry } from './createEncryptedRegistry/createEncryptedRegistry';
import { deployTemplateCommand } from './deployTemplate/deployTemplateCommand';
import { exportTemplate } from './exportTemplate/exportTemplate';
import { copyKeyIdentifier, copyVersionedKeyIdentifier } from './copyKeyId/copyKeyIdentifier';
import { openInPortal } from './openInPortal/openInPortal';
import { refresh } from './refresh/refresh';
import { selectSubscriptions } from './selectSubscriptions/selectSubscriptions';
import { showEncryption } from './showEncryption/showEncryption';
import { signIn } from './signIn/signIn';
import { rotationCommandHandlers } from './rotateKey/rotationCommandHandlers';
import { keyAccessCommandHandlers } from './diagnoseKeyAccess/keyAccessCommandHandlers';
import { markRememberedRevocations } from './revokeKeyAccess/keyAccessServices';

type Handler = (context: IActionContext, services: CommandServices, arg?: unknown) => Promise<unknown>;

/** Every command of the extension; ids match `contributes.commands` in package.json. */
export const commandHandlers: Readonly<Record<string, Handler>> = {
    'acrCmk.refresh': refresh,
    'acrCmk.signIn': signIn,
    'acrCmk.selectSubscriptions': selectSubscriptions,
    'acrCmk.showEncryption': showEncryption,
    'acrCmk.copyKeyId': copyKeyIdentifier,
    'acrCmk.copyVersionedKeyId': copyVersionedKeyIdentifier,
    'acrCmk.openInPortal': openInPortal,
    'acrCmk.createEncryptedRegistry': createEncryptedRegistry,
    'acrCmk.exportTemplate': exportTemplate,
    'acrCmk.deployTemplate': deployTemplateCommand,
    ...keyAccessCommandHandlers,
};

/** Registers each handler through vscode-azext-utils, which wraps it in callWithTelemetryAndErrorHandling. */
export function registerCommands(services: CommandServices): void {
    markRememberedRevocations(services);
    for (const [id, handler] of Object.entries(commandHandlers)) {
        registerCommand(id, (context: IActionContext, arg?: unknown) => handler(context, services, arg));
    }
    // The rotation family also takes a second argument: answers that pre-fill the wizard (tests, other extensions).
    for (const [id, handler] of Object.entries(rotationCommandHandlers)) {
        registerCommand(id, (context: IActionContext, arg?: unknown, answers?: unknown) => handler(context, services, arg, answers));
    }
}
