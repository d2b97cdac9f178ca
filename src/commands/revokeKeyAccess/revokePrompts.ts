import { AzureWizardPromptStep, type IActionContext, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { assertMayChangeVaultAccess } from '../../domain/access/callerPermissions';
import { planRevoke, type RevokeMethod, type RevokePlan, type RevokeResult } from '../../domain/revoke/revokeKeyAccess';
import type { DataAccessResult } from '../../domain/registryData/DataAccess';
import type { RegistryNode } from '../../tree/RegistryNode';
import { describeRevokePlan } from './revokeText';

export interface RevokeContext extends IActionContext {
    readonly node: RegistryNode;
    readonly subscriptionIds: string[];
    method?: RevokeMethod;
    plan?: RevokePlan;
    /** The registry name as typed to confirm; the domain checks it again before any change. */
    typedName?: string;
    /** Consent to the modal that names the registry and everything else affected. */
    warned?: boolean;
    /** After the run: what was revoked, and the registry's data read afterwards. */
    result?: RevokeResult;
    dataAccess?: DataAccessResult;
}

/** How to revoke: remove the identity's access, disable the version in use, or disable every version. */
export class RevokeMethodStep extends AzureWizardPromptStep<RevokeContext> {
    readonly question = 'method';

    async prompt(context: RevokeContext): Promise<void> {
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
            placeHolder: vscode.l10n.t('How should the key access of registry "{0}" be revoked?', context.node.registry.name),
        });
        context.method = picked.data;
    }

    shouldPrompt(context: RevokeContext): boolean {
        return !context.method;
    }
}

/** Reads what would be removed (and which other registries it cuts off), then the modal that names all of it. */
export class RevokeWarningStep extends AzureWizardPromptStep<RevokeContext> {
    readonly question = 'confirm';

    override async configureBeforePrompt(context: RevokeContext): Promise<void> {
        if (context.plan || !context.method) {
            return;
        }
        const { node, method, subscriptionIds } = context;
        const plan = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading key access of {0}…', node.registry.name) },
            () => planRevoke(node.factory, { registryId: node.registry.id, method, subscriptionIds }),
        );
        context.plan = plan;
        // Before the warning: removing the grants must be within the account's roles at the vault (disabling versions is a data-plane change Resource Manager cannot tell).
        if (plan.method.kind === 'removeAccess') {
            await assertMayChangeVaultAccess(node.factory, plan.target.vault, 'remove', plan.grants);
        }
    }

    async prompt(context: RevokeContext): Promise<void> {
        const plan = context.plan!;
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
                    vscode.l10n.t(
                        'Revoking blocks access to all data of registry "{0}" (pull, push, and everything stored) until key access is restored.',
                        name,
                    ),
                    describeRevokePlan(plan),
                ].join('\n\n'),
            },
            { title: vscode.l10n.t('Continue') },
        );
        context.warned = true;
    }

    shouldPrompt(context: RevokeContext): boolean {
        return !context.warned;
    }
}

/** The registry's name, typed, as the last confirmation before anything is removed. */
export class RevokeNameStep extends AzureWizardPromptStep<RevokeContext> {
    readonly question = 'confirm';

    async prompt(context: RevokeContext): Promise<void> {
        context.typedName = await typeRegistryName(context, context.plan!);
    }

    shouldPrompt(context: RevokeContext): boolean {
        return !context.typedName;
    }
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
