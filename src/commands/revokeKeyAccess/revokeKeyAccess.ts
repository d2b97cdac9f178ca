import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { planRevoke, runRevoke } from '../../domain/revoke/revokeKeyAccess';
import type { RevocationRecord } from '../../domain/revoke/RevocationRecord';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';
import { programmaticArgs, revocationStore, selectedSubscriptionIds, withLocalizedErrors } from './keyAccessServices';
import { confirmRevoke, pickRevokeMethod, toRevokeMethod, type RevokeMethodName } from './revokePrompts';
import { grantText, versionText } from './revokeText';

/** `executeCommand('acrCmk.revokeKeyAccess', { registryId, method, confirmRegistryName })` answers the prompts. */
export interface RevokeKeyAccessArgs {
    readonly registryId: string;
    readonly method?: RevokeMethodName;
    readonly confirmRegistryName?: string;
}

/** Revoke Key Access: how → what will be removed (modal, names the registry) → type the name → revoke and remember. */
export async function revokeKeyAccess(context: IActionContext, services: CommandServices, arg?: unknown): Promise<RevocationRecord> {
    const args = programmaticArgs<RevokeKeyAccessArgs>(context, arg);
    return withLocalizedErrors(async () => {
        const node = await resolveRegistryNode(context, services, args?.registryId ?? arg, { cmkOnly: true });
        const registry = node.registry;
        context.valuesToMask.push(registry.id);
        const method = args?.method ? toRevokeMethod(args.method) : await pickRevokeMethod(context, registry.name);
        const subscriptionIds = await selectedSubscriptionIds(services);
        const plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading key access of {0}…', registry.name) },
            () => planRevoke(node.factory, { registryId: registry.id, method, subscriptionIds }));
        const typed = args?.confirmRegistryName ?? await confirmRevoke(context, plan);
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Revoking key access of {0}…', registry.name) },
            () => runRevoke(node.factory, plan, revocationStore(services), typed));
        services.tree.markKeyAccess(registry.id, { kind: 'revoked' });
        const removed = [...plan.grants.map((grant) => grantText(grant, plan.target.vault.name)), ...plan.versions.map((version) => versionText(plan.target.key.keyName, version))];
        void vscode.window.showInformationMessage(vscode.l10n.t('Key access of registry "{0}" revoked: {1}. Restore Key Access puts exactly this back.', registry.name, removed.join('; ')));
        if (result.accessRemains) {
            void vscode.window.showWarningMessage(vscode.l10n.t('The identity of registry "{0}" still reaches the key through another grant (a role above the vault, or the "all" permission). Disable the key to cut access completely.', registry.name));
        }
        return result.record;
    });
}
