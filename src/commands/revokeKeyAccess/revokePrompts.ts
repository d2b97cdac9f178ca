import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { RevokeMethod, RevokePlan } from '../../domain/revoke/revokeKeyAccess';
import { describeRevokePlan } from './revokeText';

export type RevokeMethodName = 'removeAccess' | 'disableKeyInUse' | 'disableKeyAll';

export function toRevokeMethod(name: RevokeMethodName): RevokeMethod {
    return name === 'removeAccess' ? { kind: 'removeAccess' } : { kind: 'disableKey', versions: name === 'disableKeyAll' ? 'all' : 'inUse' };
}

export async function pickRevokeMethod(context: IActionContext, registryName: string): Promise<RevokeMethod> {
    const picks: IAzureQuickPickItem<RevokeMethodName>[] = [
        { label: vscode.l10n.t('Remove the identity\'s key vault access'), detail: vscode.l10n.t('Removes the access policy permissions get/wrapKey/unwrapKey, or the "Key Vault Crypto Service Encryption User" role on RBAC vaults. Only this registry\'s identity is affected.'), data: 'removeAccess' },
        { label: vscode.l10n.t('Disable the key version in use'), detail: vscode.l10n.t('Every registry and service using this key version loses access.'), data: 'disableKeyInUse' },
        { label: vscode.l10n.t('Disable all versions of the key'), detail: vscode.l10n.t('Every registry and service using any version of this key loses access.'), data: 'disableKeyAll' },
    ];
    const picked = await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('How should the key access of registry "{0}" be revoked?', registryName), suppressPersistence: true });
    return toRevokeMethod(picked.data);
}

/** The modal warning that names the registry, then the typed name (which the domain checks again before any change). */
export async function confirmRevoke(context: IActionContext, plan: RevokePlan): Promise<string> {
    const name = plan.target.registry.name;
    await context.ui.showWarningMessage(
        vscode.l10n.t('Revoke key access of registry "{0}"?', name),
        { modal: true, detail: [vscode.l10n.t('Revoking blocks access to all data of registry "{0}" (pull, push, and everything stored) until key access is restored.', name), describeRevokePlan(plan)].join('\n\n') },
        { title: vscode.l10n.t('Continue') });
    return context.ui.showInputBox({
        prompt: vscode.l10n.t('Type the registry name "{0}" to confirm revoking its key access.', name),
        placeHolder: name,
        validateInput: (value) => value.trim() === name ? undefined : vscode.l10n.t('Type "{0}" exactly.', name),
    });
}
