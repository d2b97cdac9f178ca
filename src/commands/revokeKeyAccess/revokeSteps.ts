import { AzureWizardPromptStep, type IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { assertMayChangeVaultAccess } from '../../domain/access/callerPermissions';
import { planRevoke, type RevokeMethod, type RevokePlan } from '../../domain/revoke/revokeKeyAccess';
import type { RegistryNode } from '../../tree/RegistryNode';
import { pickRevokeMethod, typeRegistryName, warnRevoke } from './revokePrompts';

export interface RevokeContext extends IActionContext {
    readonly node: RegistryNode;
    readonly subscriptionIds: string[];
    method?: RevokeMethod;
    plan?: RevokePlan;
    /** The registry name as typed to confirm; the domain checks it again before any change. */
    typedName?: string;
    /** Consent to the modal that names the registry and everything else affected. */
    warned?: boolean;
}

/** How to revoke: remove the identity's access, disable the version in use, or disable every version. */
export class RevokeMethodStep extends AzureWizardPromptStep<RevokeContext> {
    readonly question = 'method';

    async prompt(context: RevokeContext): Promise<void> {
        context.method = await pickRevokeMethod(context, context.node.registry.name);
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
        await warnRevoke(context, context.plan!);
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
