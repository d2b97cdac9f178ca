import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { enableVaultAudit, AUDIT_SETTING_NAME } from '../../domain/audit/enableVaultAudit';
import { readVaultAudit, type VaultAudit } from '../../domain/audit/vaultAudit';
import type { CommandServices } from '../CommandServices';
import { pickVaultInUse, pickWorkspace } from './auditPicks';

/**
 * Send Key Vault Audit Logs to Log Analytics: a diagnostic setting on the vault sending its AuditEvent logs (every
 * wrap and unwrap of its keys, by whom) to a workspace of its subscription. One confirmation naming both, then the
 * vault row says where its logs go.
 */
export async function enableKeyAudit(context: IActionContext, services: CommandServices, arg?: unknown): Promise<VaultAudit> {
    const node = await pickVaultInUse(context, services, arg);
    const vault = node.entry.vault!;
    const subscriptionName = node.subscriptionName(vault.subscriptionId);
    const before = node.audit?.audit ?? (await readVaultAudit(node.factory, vault));
    const workspace = await pickWorkspace(context, node, before.state === 'on' ? before.workspace.id : undefined);
    const detail = [
        vscode.l10n.t(
            'A diagnostic setting "{0}" on the key vault sends its audit logs (AuditEvent: every use of its keys, and by whom) to Log Analytics workspace "{1}" (resource group "{2}", subscription "{3}"). Log Analytics charges for the data it takes in.',
            AUDIT_SETTING_NAME,
            workspace.name,
            workspace.resourceGroup,
            subscriptionName,
        ),
        ...(before.state === 'on' && before.workspace.id.toLowerCase() !== workspace.id.toLowerCase()
            ? [
                  vscode.l10n.t(
                      'The logs already go to workspace "{0}" (diagnostic setting "{1}"); that stays as it is.',
                      before.workspace.name,
                      before.settingName,
                  ),
              ]
            : []),
    ].join('\n\n');
    const send = vscode.l10n.t('Send Audit Logs');
    await context.ui.showWarningMessage(
        vscode.l10n.t('Send the audit logs of key vault "{0}" to Log Analytics workspace "{1}"?', node.entry.vaultName, workspace.name),
        { modal: true, detail },
        { title: send },
    );
    const after = await vscode.window.withProgress(
        {
            location: vscode.ProgressLocation.Notification,
            title: vscode.l10n.t('Sending the audit logs of key vault "{0}" to "{1}"…', node.entry.vaultName, workspace.name),
        },
        () => enableVaultAudit(node.factory, vault, workspace.id),
    );
    await node.audit?.refresh();
    void vscode.window.showInformationMessage(
        vscode.l10n.t(
            'Key vault "{0}" sends its audit logs to Log Analytics workspace "{1}". The first records arrive within about 10 minutes of a key\'s use.',
            node.entry.vaultName,
            after.state === 'on' ? after.workspace.name : workspace.name,
        ),
    );
    return after;
}
