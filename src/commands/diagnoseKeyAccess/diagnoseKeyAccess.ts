import { isUserCancelledError, type IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AzureClientFactory } from '../../domain/clients/AzureClientFactory';
import { DiagnosisCache } from '../../domain/diagnose/DiagnosisCache';
import { diagnoseRegistry } from '../../domain/diagnose/diagnoseRegistry';
import type { RegistryDiagnosis } from '../../domain/diagnose/Finding';
import { getRegistry } from '../../domain/registries/getRegistry';
import { errorMessage } from '../../l10n/errorMessage';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';
import { selectedSubscriptionIds } from '../keyAccessServices';
import { diagnosisReport } from './diagnosisReport';
import { offerFixes } from './fixKeyAccess';
import { openReport } from '../reportDocuments';
import { mirrorInTree } from './showDiagnosis';

/** Diagnose Key Access for one registry: check every link, open the report, mirror the result in the tree, offer fixes. */
export async function diagnoseKeyAccess(context: IActionContext, services: CommandServices, arg?: unknown): Promise<RegistryDiagnosis> {
    const node = await resolveRegistryNode(context, services, arg, { cmkOnly: true });
    context.valuesToMask.push(node.registry.id);
    const diagnosis = await diagnoseAndShow(services, node.factory, node.registry.id, node.registry.name);
    context.telemetry.properties.status = diagnosis.status;
    // The fix prompt waits for the user; the command (and its progress) is already done.
    void offerFixesUntilDone(context, services, node.factory, diagnosis);
    return diagnosis;
}

async function diagnoseAndShow(services: CommandServices, factory: AzureClientFactory, registryId: string, registryName: string): Promise<RegistryDiagnosis> {
    const diagnosis = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Diagnosing key access of {0}…', registryName) },
        async () => {
            // Read fresh: the tree's copy may predate the change being investigated.
            const registry = await getRegistry(factory, registryId);
            return diagnoseRegistry(factory, registry, new DiagnosisCache(await selectedSubscriptionIds(services)));
        },
    );
    await mirrorInTree(services, diagnosis);
    services.tree.redrawKeyAccessMarks([registryId]);
    const now = new Date();
    await openReport(diagnosisReport([diagnosis], now), 'key-access-diagnosis', now);
    return diagnosis;
}

/** Offer → apply → diagnose again, until nothing fixable is left or the user stops. */
async function offerFixesUntilDone(context: IActionContext, services: CommandServices, factory: AzureClientFactory, first: RegistryDiagnosis): Promise<void> {
    let diagnosis = first;
    try {
        while (await offerFixes(context, services, diagnosis)) {
            diagnosis = await diagnoseAndShow(services, factory, diagnosis.registryId, diagnosis.registryName);
        }
    } catch (error) {
        if (!isUserCancelledError(error)) {
            void vscode.window.showErrorMessage(errorMessage(error));
        }
    }
}
