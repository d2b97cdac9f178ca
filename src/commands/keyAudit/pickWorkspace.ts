import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AzureClientFactory } from '../../domain/clients/AzureClientFactory';
import { workspaceChoices, type WorkspaceChoice } from '../../domain/audit/workspaceChoices';
import { DomainError } from '../../domain/errors';

/** A Log Analytics workspace of the vault's subscription (as the portal's diagnostic setting blade offers first). */
export async function pickWorkspace(
    context: IActionContext,
    factory: AzureClientFactory,
    subscriptionId: string,
    subscriptionName: string,
    current?: string,
): Promise<WorkspaceChoice> {
    const choices = workspaceChoices(factory, subscriptionId).then((all) => {
        if (all.length === 0) {
            throw new DomainError('AuditNoWorkspaces', { subscription: subscriptionName });
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
