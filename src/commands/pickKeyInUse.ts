import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { DomainError } from '../domain/errors';
import type { KeyInUse } from '../domain/fleet/keysInUse';
import { KeyInUseNode } from '../keysView/keyNodes';
import type { CommandServices } from './CommandServices';

/** The Keys view's key row a command was run from, or one picked among the keys in use (the one picker for keys in use). */
export async function pickKeyRow(context: IActionContext, services: CommandServices, arg: unknown, placeHolder: string): Promise<KeyInUseNode> {
    if (arg instanceof KeyInUseNode) {
        return arg;
    }
    const keys = await services.keys.keysInUse();
    if (keys.length === 0) {
        throw new DomainError('NoKeysInUse', {});
    }
    const picks: IAzureQuickPickItem<KeyInUseNode>[] = keys.map((node) => ({
        label: node.key.keyName,
        description:
            node.key.users.length === 1
                ? vscode.l10n.t('key vault "{0}" · 1 registry', node.key.vaultName)
                : vscode.l10n.t('key vault "{0}" · {1} registries', node.key.vaultName, node.key.users.length),
        data: node,
    }));
    return (await context.ui.showQuickPick(picks, { placeHolder })).data;
}

/** The key a fleet action works on, with a connection of its vault's subscription. */
export async function pickKeyInUse(context: IActionContext, services: CommandServices, arg: unknown): Promise<{ key: KeyInUse; factory: AzureClientFactory }> {
    const node = await pickKeyRow(context, services, arg, vscode.l10n.t('Select the key whose registries to rotate'));
    return { key: node.key, factory: node.parent.factory };
}
