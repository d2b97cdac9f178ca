import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { RevokeMethod, RevokePlan } from '../../domain/revoke/revokeKeyAccess';
import { describeRevokePlan } from './revokeText';

export async function pickRevokeMethod(context: IActionContext, registryName: string): Promise<RevokeMethod> {
    const picks: IAzureQuickPickItem<RevokeMethod>[] = [
        {
            label: vscode.l10n.t("Remove the identity's key vault access"),
            detail: vscode.l10n.t(
                'Removes the access policy permissions get/wrapKey/unwrapKey, or the "Key Vault Crypto Service Encryption User" role on RBAC vaults. Only this registry\'s identity is affected.',
            ),
            data: { kind: 'removeAccess' },
        },
        {
            label: vscode.l10n.t('Disable the key version in use'),
            detail: vscode.l10n.t('Every registry and service using this key version loses access.'),
            data: { kind: 'disableKey', versions: 'inUse' },
        },
        {
            label: vscode.l10n.t('Disable all versions of the key'),
            detail: vscode.l10n.t('Every registry and service using any version of this key loses access.'),
            data: { kind: 'disableKey', versions: 'all' },
        },
    ];
    const picked = await context.ui.showQuickPick(picks, {
        placeHolder: vscode.l10n.t('How should the key access of registry "{0}" be revoked?', registryName),
    });
    return picked.data;
}

/** The modal warning: the registry, what is removed, and every other registry that loses its key too. */
export async function warnRevoke(context: IActionContext, plan: RevokePlan): Promise<void> {
    const name = plan.target.registry.name;
    const others = plan.affected.length;
    await context.ui.showWarningMessage(
        others === 0
            ? vscode.l10n.t('Revoke key access of registry "{0}"?', name)
            : others === 1
              ? vscode.l10n.t('Revoke key access of registry "{0}" and of 1 other registry?', name)
              : vscode.l10n.t('Revoke key access of registry "{0}" and of {1} other registries?', name, String(others)),
        {
            modal: true,
            detail: [
                vscode.l10n.t('Revoking blocks access to all data of registry "{0}" (pull, push, and everything stored) until key access is restored.', name),
                describeRevokePlan(plan),
            ].join('\n\n'),
        },
        { title: vscode.l10n.t('Continue') },
    );
}

/** The typed name, checked as it is typed (the domain checks it again before any change). */
export function typeRegistryName(context: IActionContext, plan: RevokePlan): Promise<string> {
    const name = plan.target.registry.name;
    return context.ui.showInputBox({
        prompt: vscode.l10n.t('Type the registry name "{0}" to confirm revoking its key access.', name),
        placeHolder: name,
        validateInput: (value) => (value.trim() === name ? undefined : vscode.l10n.t('Type "{0}" exactly.', name)),
    });
}
