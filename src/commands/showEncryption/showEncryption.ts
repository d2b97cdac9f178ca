import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { showRegistryEncryption } from '../../domain/registries/getRegistry';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';
import { openEncryptionDocument } from './encryptionDocuments';

/** Like `az acr encryption show`: opens the registry's current encryption JSON (read fresh, one GET). Returns the JSON text. */
export async function showEncryption(context: IActionContext, services: CommandServices, arg?: unknown): Promise<string> {
    const node = await resolveRegistryNode(context, services, arg);
    context.valuesToMask.push(node.registry.id);
    const content = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading encryption of {0}…', node.registry.name) },
        () => showRegistryEncryption(node.factory, node.registry.id),
    );
    await openEncryptionDocument(node.registry.name, node.registry.id, content);
    return content;
}
