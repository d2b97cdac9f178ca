import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { keyUsageQuery, usagePrincipals } from '../../domain/audit/keyUsageQuery';
import { readVaultAudit, type VaultAudit } from '../../domain/audit/vaultAudit';
import type { KeyInUseNode } from '../../keysView/keyNodes';
import { errorMessage } from '../../l10n/errorMessage';
import type { CommandServices } from '../CommandServices';
import { pickKeyRow } from '../pickKeyInUse';

/**
 * Open Key Usage Query (Log Analytics): an unsaved KQL document listing the key's wraps and unwraps by the identities of
 * every registry using it, headed by where to run it (the workspace the vault's audit logs go to, or that they go nowhere).
 */
export async function openKeyUsageQuery(context: IActionContext, services: CommandServices, arg?: unknown): Promise<vscode.TextDocument> {
    const node = await pickKeyRow(context, services, arg, vscode.l10n.t('Select the key whose usage to query'));
    const vault = node.parent.entry.vault;
    const audit = vault ? await auditOf(node, vault) : undefined;
    const { principals, unresolved } = usagePrincipals(node.key.users);
    context.telemetry.measurements.principals = principals.length;
    const header = [
        vscode.l10n.t(
            'Key "{0}" of key vault "{1}": wraps and unwraps by the registries using it ({2}).',
            node.key.keyName,
            node.key.vaultName,
            node.key.users.map((u) => u.registry.name).join(', '),
        ),
        whereToRun(audit),
        ...(unresolved.length > 0 ? [vscode.l10n.t('Not in the query (their identity has no known principal ID): {0}.', unresolved.join(', '))] : []),
    ];
    const content = [...header.map((line) => `// ${line}`), '', keyUsageQuery(node.key, principals), ''].join('\n');
    const language = (await vscode.languages.getLanguages()).includes('kusto') ? 'kusto' : 'plaintext';
    const document = await vscode.workspace.openTextDocument({ language, content });
    await vscode.window.showTextDocument(document);
    return document;
}

async function auditOf(node: KeyInUseNode, vault: { id: string }): Promise<VaultAudit | string> {
    try {
        return node.parent.audit?.audit ?? (await readVaultAudit(node.parent.factory, vault));
    } catch (error) {
        return errorMessage(error);
    }
}

function whereToRun(audit: VaultAudit | string | undefined): string {
    if (audit === undefined) {
        return vscode.l10n.t(
            "Run it in the Log Analytics workspace that receives this key vault's audit logs (the key vault is not in the selected subscriptions).",
        );
    }
    if (typeof audit === 'string') {
        return vscode.l10n.t("Where this key vault's audit logs go could not be read ({0}).", audit);
    }
    return audit.state === 'on'
        ? vscode.l10n.t('Run it in Log Analytics workspace "{0}" ({1}).', audit.workspace.name, audit.workspace.id)
        : vscode.l10n.t(
              'Audit logs of this key vault are off: no workspace receives them. Run "Send Key Vault Audit Logs to Log Analytics…" on the key vault first.',
          );
}
