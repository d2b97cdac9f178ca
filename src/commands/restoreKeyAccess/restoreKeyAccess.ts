import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { assertMayChangeVaultAccess } from '../../domain/access/callerPermissions';
import { planRestore, runRestore, type RestoreResult } from '../../domain/restore/restoreKeyAccess';
import { beginJournal } from '../journal/beginJournal';
import { findRestoredWith } from '../../domain/revoke/sharedAccess';
import { waitUntilReadable } from '../../domain/registryData/waitUntilReadable';
import { afterRestoreText } from '../revokeKeyAccess/revokeText';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';
import { revocationStore, selectedSubscriptionIds } from '../keyAccessServices';
import { grantText, versionText } from '../../l10n/keyAccessText';
import { FlowWizard } from '../wizard/FlowWizard';
import { planExecuteSteps } from '../wizard/planExecuteSteps';

/**
 * Restore Key Access: puts back exactly what Revoke took (from its record), or, without a record, what the
 * registry's encryption needs; recovers a soft-deleted key first. Granting is not destructive: no confirmation.
 */
export async function restoreKeyAccess(context: IActionContext, services: CommandServices, arg?: unknown): Promise<RestoreResult> {
    const node = await resolveRegistryNode(context, services, arg, { cmkOnly: true });
    const registry = node.registry;
    context.valuesToMask.push(registry.id);
    const store = revocationStore(services);
    const subscriptionIds = await selectedSubscriptionIds(services);
    // No prompt: granting is not destructive. The plan is read and run as the wizard's one part.
    const wizardContext: RestoreContext = context;
    const wizard = new FlowWizard(wizardContext, {
        executeSteps: planExecuteSteps<RestoreContext>([
            {
                id: 'restore',
                applies: () => true,
                label: () => vscode.l10n.t('Restoring key access of {0}…', registry.name),
                run: async (restore) => {
                    const plan = await planRestore(node.factory, registry.id, store, subscriptionIds);
                    // What Revoke removed goes back: that needs the same rights at the vault. (Without a record, only what is
                    // missing is added, which may be nothing: Azure then decides.)
                    if (plan.grants !== 'derive') {
                        await assertMayChangeVaultAccess(node.factory, plan.target.vault, 'add', plan.grants);
                    }
                    const journal = await beginJournal(services, 'restore', 'restoreKeyAccess', registry, plan);
                    restore.result = await runRestore(node.factory, plan, store, journal).finally(() => journal?.finish());
                    restore.alsoRestored = await findRestoredWith(node.factory, plan.target, restore.result);
                },
            },
        ]),
    });
    await wizard.prompt();
    await wizard.execute();
    const { result, alsoRestored } = wizardContext as Required<RestoreContext>;
    // The access is back: the rows lose their marks now, not after the wait below.
    for (const restored of [registry, ...alsoRestored]) {
        services.tree.markKeyAccess(restored.id, undefined);
    }
    // Azure applies restored grants and key state with a delay: read the data until it is served (bounded; Cancel stops
    // waiting, not the restore, which is done).
    const waiting = vscode.l10n.t({
        message: 'Key access of {0} restored. Waiting until its data is readable again…',
        args: [registry.name],
        comment: ['{0}: a container registry name'],
    });
    const { result: dataAccess } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: waiting, cancellable: true },
        (_progress, cancellation) => waitUntilReadable(node.factory, registry, { abortSignal: abortOn(cancellation) }),
    );
    const key = registry.encryption.status === 'enabled' ? registry.encryption.key : undefined;
    const [vaultName, keyName] = [key?.vaultName ?? '', key?.keyName ?? ''];
    const items = [
        ...(result.recoveredKey ? [vscode.l10n.t('recovered the deleted key "{0}"', keyName)] : []),
        ...result.grants.map((grant) => grantText(grant, vaultName)),
        ...result.enabledVersions.map((version) => versionText(keyName, version)),
    ];
    const message =
        items.length > 0
            ? vscode.l10n.t('Key access of registry "{0}" restored: {1}.', registry.name, items.join('; '))
            : vscode.l10n.t('Registry "{0}" already had the key access its encryption needs; nothing was changed.', registry.name);
    const also = alsoRestored.length === 0 ? '' : ` ${vscode.l10n.t('Key access is back for {0} too.', alsoRestored.map((other) => other.name).join(', '))}`;
    context.telemetry.properties.dataAccessAfterRestore = dataAccess.kind;
    const closing = `${message}${also} ${afterRestoreText(dataAccess)}`;
    void (dataAccess.kind === 'readable' ? vscode.window.showInformationMessage(closing) : vscode.window.showWarningMessage(closing));
    return result;
}

interface RestoreContext extends IActionContext {
    result?: RestoreResult;
    /** Registries whose key access came back with this registry's (they share its grant or key version). */
    alsoRestored?: Awaited<ReturnType<typeof findRestoredWith>>;
}

function abortOn(cancellation: vscode.CancellationToken): AbortSignal {
    const controller = new AbortController();
    cancellation.onCancellationRequested(() => controller.abort());
    return controller.signal;
}
