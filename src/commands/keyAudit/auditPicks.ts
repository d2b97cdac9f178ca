import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { workspaceChoices, type WorkspaceChoice } from '../../domain/audit/workspaceChoices';
import { DomainError } from '../../domain/errors';
import { VaultInUseNode } from '../../keysView/keyNodes';
import type { CommandServices } from '../CommandServices';

/** The vault row the command was run from, or one picked among the vaults holding keys in use (selected subscriptions only). */
export async function pickVaultInUse(context: IActionContext, services: CommandServices, arg: unknown): Promise<VaultInUseNode> {
    if (arg instanceof VaultInUseNode) {
        return arg;
    }
    const vaults = [...new Set((await services.keys.keysInUse()).map((key) => key.parent))].filter((vault) => vault.entry.vault);
    if (vaults.length === 0) {
        throw new DomainError('NoKeysInUse', {});
    }
    const picks: IAzureQuickPickItem<VaultInUseNode>[] = vaults.map((vault) => ({
        label: vault.entry.vaultName,
        description: vault.audit?.description() ?? vscode.l10n.t('subscription "{0}"', vault.subscriptionName(vault.entry.vault!.subscriptionId)),
        data: vault,
    }));
    return (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select the key vault whose audit logs to send to Log Analytics') })).data;
}

/** A Log Analytics workspace of the vault's subscription (as the portal's diagnostic setting blade offers first). */
export async function pickWorkspace(context: IActionContext, node: VaultInUseNode, current: string | undefined): Promise<WorkspaceChoice> {
    const { subscriptionId } = node.entry.vault!;
    const choices = workspaceChoices(node.factory, subscriptionId).then((all) => {
        if (all.length === 0) {
            throw new DomainError('AuditNoWorkspaces', { subscription: node.subscriptionName(subscriptionId) });
        }
        return all.map((workspace): IAzureQuickPickItem<WorkspaceChoice> => ({
            label: workspace.name,
            description: [workspace.resourceGroup, workspace.location].filter(Boolean).join(' · '),
            detail: workspace.id.toLowerCase() === current?.toLowerCase() ? vscode.l10n.t("already receives this key vault's audit logs") : undefined,
            data: workspace,
        }));
    });
    return (await context.ui.showQuickPick(choices, { placeHolder: vscode.l10n.t('Select the Log Analytics workspace to send the audit logs to') })).data;
}
