import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { runRevoke } from '../../domain/revoke/revokeKeyAccess';
import { verifyDataAccess } from '../../domain/registryData/verifyDataAccess';
import { afterRevokeText } from './revokeText';
import type { RevocationRecord } from '../../domain/revoke/RevocationRecord';
import type { CommandServices } from '../CommandServices';
import { beginJournal } from '../journal/beginJournal';
import { resolveRegistryNode } from '../pickRegistry';
import { revocationStore, selectedSubscriptionIds } from '../keyAccessServices';
import { FlowWizard } from '../wizard/FlowWizard';
import { planExecuteSteps } from '../wizard/planExecuteSteps';
import { RevokeMethodStep, RevokeNameStep, RevokeWarningStep, type RevokeContext } from './revokePrompts';
import { removedItems } from './revokeText';

/** Revoke Key Access: how → what will be removed (modal, names the registry) → type the name → revoke and remember. */
export async function revokeKeyAccess(context: IActionContext, services: CommandServices, arg?: unknown): Promise<RevocationRecord> {
    const node = await resolveRegistryNode(context, services, arg, { cmkOnly: true });
    const registry = node.registry;
    context.valuesToMask.push(registry.id);
    const wizardContext: RevokeContext = Object.assign(context, {
        node,
        subscriptionIds: await selectedSubscriptionIds(services),
    });
    const wizard = new FlowWizard(wizardContext, {
        title: vscode.l10n.t('Revoke key access of "{0}"', registry.name),
        promptSteps: [new RevokeMethodStep(), new RevokeWarningStep(), new RevokeNameStep()],
        executeSteps: planExecuteSteps<RevokeContext>([
            {
                id: 'revoke',
                applies: () => true,
                label: () => vscode.l10n.t('Revoking key access of {0}…', registry.name),
                // The warning step read the plan; the name was typed last.
                run: async (revoke) => {
                    const journal = await beginJournal(services, 'revoke', 'revokeKeyAccess', registry, revoke.plan!);
                    revoke.result = await runRevoke(node.factory, revoke.plan!, revocationStore(services), revoke.typedName ?? '', new Date(), journal).finally(
                        () => journal?.finish(),
                    );
                },
            },
            {
                // The proof is a read of the registry's data (catalog, a manifest), not the grants that were removed.
                id: 'verifyDataAccess',
                applies: () => true,
                label: () => vscode.l10n.t("Reading the registry's data…"),
                run: async (revoke) => {
                    revoke.dataAccess = await verifyDataAccess(node.factory, registry);
                },
            },
        ]),
    });
    await wizard.prompt();
    await wizard.execute();
    const { plan, result, dataAccess } = wizardContext as Required<RevokeContext>;
    context.telemetry.properties.dataAccessAfterRevoke = dataAccess.kind;
    services.tree.markKeyAccess(registry.id, { kind: 'revoked' });
    for (const affected of plan.affected) {
        services.tree.markKeyAccess(affected.id, {
            kind: 'problem',
            severity: 'error',
            summary: vscode.l10n.t('Lost access to its key when the key access of registry "{0}" was revoked.', registry.name),
        });
    }
    const message = vscode.l10n.t(
        'Key access of registry "{0}" revoked: {1}. Restore Key Access puts exactly this back.',
        registry.name,
        removedItems(plan).join('; '),
    );
    const also =
        plan.affected.length === 0 ? '' : ` ${vscode.l10n.t('Also without key access now: {0}.', plan.affected.map((affected) => affected.name).join(', '))}`;
    const closing = `${message}${also} ${afterRevokeText(dataAccess)}`;
    void vscode.window.showInformationMessage(closing);
    if (result.accessRemains) {
        void vscode.window.showWarningMessage(
            vscode.l10n.t(
                'The identity of registry "{0}" still reaches the key through another grant (a role above the vault, or the "all" permission). Disable the key to cut access completely.',
                registry.name,
            ),
        );
    }
    return result.record;
}
