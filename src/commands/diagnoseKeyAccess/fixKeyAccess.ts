import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { applyFix } from '../../domain/diagnose/applyFix';
import type { KeyAccessFix, RegistryDiagnosis } from '../../domain/diagnose/Finding';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';
import { selectedSubscriptionIds } from '../keyAccessServices';
import { checkTitle, explain, fixLabel, fixNeedsConfirmation } from './findingText';

/**
 * `executeCommand('acrCmk.fixKeyAccess', registry, fix)`: apply one fix Diagnose offered (`registry`: its id or tree
 * node; `fix`: a finding's fix). A fix that needs it is confirmed in a modal, as from Diagnose's offer.
 */
export async function fixKeyAccess(context: IActionContext, services: CommandServices, arg: unknown, fix: KeyAccessFix | undefined): Promise<void> {
    if (!fix) {
        return;
    }
    const node = await resolveRegistryNode(context, services, arg, { cmkOnly: true });
    await applyOneFix(context, services, node.factory, node.registry.name, fix);
}

/** Offers the fixes of a diagnosis in a quick pick (the "one click" after the report opened). Returns the fix applied. */
export async function offerFixes(context: IActionContext, services: CommandServices, diagnosis: RegistryDiagnosis): Promise<KeyAccessFix | undefined> {
    const fixable = diagnosis.findings.filter((f) => f.fix && (f.status === 'error' || f.status === 'warning'));
    if (fixable.length === 0) {
        return undefined;
    }
    const fixButton = vscode.l10n.t('Fix…');
    const answer = await vscode.window.showWarningMessage(
        fixable.length === 1
            ? vscode.l10n.t('Registry "{0}": 1 problem with a fix.', diagnosis.registryName)
            : vscode.l10n.t('Registry "{0}": {1} problems with a fix.', diagnosis.registryName, String(fixable.length)),
        fixButton,
    );
    if (answer !== fixButton) {
        return undefined;
    }
    const picks = fixable.map((f): IAzureQuickPickItem<KeyAccessFix> => ({
        label: fixLabel(f.fix!),
        description: checkTitle(f.check),
        detail: explain(f),
        data: f.fix!,
    }));
    const picked = await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select a fix to apply'), suppressPersistence: true });
    const node = await resolveRegistryNode(context, services, diagnosis.registryId, { cmkOnly: true });
    await applyOneFix(context, services, node.factory, diagnosis.registryName, picked.data);
    return picked.data;
}

async function applyOneFix(
    context: IActionContext,
    services: CommandServices,
    factory: Parameters<typeof applyFix>[0],
    registryName: string,
    fix: KeyAccessFix,
): Promise<void> {
    if (fixNeedsConfirmation(fix)) {
        await context.ui.showWarningMessage(
            vscode.l10n.t('Apply this fix to registry "{0}"?', registryName),
            { modal: true, detail: fixLabel(fix) },
            { title: vscode.l10n.t('Apply') },
        );
    }
    context.telemetry.properties.fix = fix.kind;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0}…', fixLabel(fix)) }, async () =>
        applyFix(factory, fix, await selectedSubscriptionIds(services)),
    );
    void vscode.window.showInformationMessage(vscode.l10n.t('Done: {0}. Run Diagnose Key Access again to confirm.', fixLabel(fix)));
}
