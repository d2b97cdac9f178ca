import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AzureClientFactory } from '../../domain/clients/AzureClientFactory';
import { DomainError } from '../../domain/errors';
import type { KeyInUse } from '../../domain/fleet/keysInUse';
import { KeyInUseNode } from '../../keysView/keyNodes';
import type { CommandServices } from '../CommandServices';

/** The key a fleet action works on: the Keys view row it was run from, or one picked among the keys in use. */
export async function pickKeyInUse(context: IActionContext, services: CommandServices, arg: unknown): Promise<{ key: KeyInUse; factory: AzureClientFactory }> {
    if (arg instanceof KeyInUseNode) {
        return { key: arg.key, factory: arg.parent.factory };
    }
    const keys = await services.keys.keysInUse();
    if (keys.length === 0) {
        throw new DomainError('NoKeysInUse', {});
    }
    const picks: IAzureQuickPickItem<KeyInUseNode>[] = keys.map((node) => ({
        label: node.key.keyName,
        description: node.key.users.length === 1 ? vscode.l10n.t('key vault "{0}" · 1 registry', node.key.vaultName) : vscode.l10n.t('key vault "{0}" · {1} registries', node.key.vaultName, node.key.users.length),
        data: node,
    }));
    const node = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select the key whose registries to rotate') })).data;
    return { key: node.key, factory: node.parent.factory };
}
