import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { assertMayChangeVaultAccess } from '../../domain/access/callerPermissions';
import type { AzureClientFactory } from '../../domain/clients/AzureClientFactory';
import { planRevoke, type RevokePlan } from '../../domain/revoke/revokeKeyAccess';
import { warnRevoke } from './revokePrompts';
import type { RevokeContext } from './RevokeContext';

/** Reads what would be removed (and which other registries it cuts off), then the modal that names all of it. */
export class RevokeWarningStep extends AzureWizardPromptStep<RevokeContext> {
    readonly question = 'confirm';

    override async configureBeforePrompt(context: RevokeContext): Promise<void> {
        if (context.plan || !context.method) {
            return;
        }
        const { node, method, subscriptionIds } = context;
        context.plan = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading key access of {0}…', node.registry.name) },
            () => planRevoke(node.factory, { registryId: node.registry.id, method, subscriptionIds }),
        );
        await assertMayRevoke(node.factory, context.plan);
    }

    async prompt(context: RevokeContext): Promise<void> {
        await warnRevoke(context, context.plan!);
        context.warned = true;
    }

    shouldPrompt(context: RevokeContext): boolean {
        return !context.warned;
    }
}

/** Before the warning: removing the grants must be within the account's roles at the vault (disabling versions is a data-plane change Resource Manager cannot tell). */
export async function assertMayRevoke(factory: AzureClientFactory, plan: RevokePlan): Promise<void> {
    if (plan.method.kind === 'removeAccess') {
        await assertMayChangeVaultAccess(factory, plan.target.vault, 'remove', plan.grants);
    }
}
