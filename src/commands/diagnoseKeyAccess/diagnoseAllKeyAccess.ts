import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { diagnoseAll, type DiagnoseTarget } from '../../domain/diagnose/diagnoseAll';
import type { RegistryDiagnosis } from '../../domain/diagnose/Finding';
import type { CommandServices } from '../CommandServices';
import { diagnosisReport } from './diagnosisReport';
import { openReport } from '../reportDocuments';
import { mirrorInTree } from './showDiagnosis';

/** Diagnose All: every CMK registry in the tree's subscriptions, a bounded number at a time, one shared cache. */
export async function diagnoseAllKeyAccess(context: IActionContext, services: CommandServices): Promise<RegistryDiagnosis[]> {
    const subscriptions = await services.inventory.getSubscriptions();
    const targets: DiagnoseTarget[] = (
        await Promise.all(
            subscriptions.map(async (target) =>
                (await services.inventory.getRegistries(target).catch(() => []))
                    .filter((registry) => registry.encryption.status === 'enabled')
                    .map((registry) => ({ registry, factory: target.factory })),
            ),
        )
    ).flat();
    if (targets.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No registry in the selected subscriptions uses a customer-managed key.'));
        return [];
    }
    const { diagnoses, stats } = await vscode.window.withProgress(
        {
            location: vscode.ProgressLocation.Notification,
            title: vscode.l10n.t('Diagnosing key access of {0} registries…', String(targets.length)),
            cancellable: false,
        },
        (progress) =>
            diagnoseAll(targets, {
                subscriptionIds: subscriptions.map((s) => s.subscriptionId),
                onDone: (done, total) => {
                    const counted = `${done}/${total}`;
                    progress.report({ message: counted, increment: 100 / total });
                },
            }),
    );
    context.telemetry.measurements.registries = stats.registries;
    context.telemetry.measurements.durationMs = stats.durationMs;
    for (const diagnosis of diagnoses) {
        await mirrorInTree(services, diagnosis);
    }
    services.tree.redrawKeyAccessMarks();
    const now = new Date();
    await openReport(diagnosisReport(diagnoses, now, stats), 'key-access-diagnosis', now);
    return diagnoses;
}
