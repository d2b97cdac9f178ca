import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { DomainError } from '../../domain/errors';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';
import { registryRowOf } from './usageSource';

/**
 * Show Registries Using This Key: the registry's key in the Keys view, expanded, with every registry of every selected
 * subscription that uses it (the blast radius of disabling, deleting or revoking that key). Run on a registry row, its
 * Key or Version row, or from the palette (a registry picked).
 */
export async function showKeyUsage(context: IActionContext, services: CommandServices, arg?: unknown): Promise<number> {
    const node = await resolveRegistryNode(context, services, registryRowOf(arg) ?? arg, { cmkOnly: true });
    const encryption = node.registry.encryption;
    if (encryption.status !== 'enabled' || !encryption.key) {
        throw new DomainError('RegistryNotCmk', { registry: node.registry.name });
    }
    const users = await services.keys.revealKey(encryption.key.vaultUrl, encryption.key.keyName);
    if (users === undefined) {
        void vscode.window.showWarningMessage(
            vscode.l10n.t(
                'Key "{0}" of key vault "{1}" is not in the Keys view: refresh it, or check the subscriptions it shows.',
                encryption.key.keyName,
                encryption.key.vaultName,
            ),
        );
        return 0;
    }
    return users;
}
