import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { applyFix } from '../../domain/diagnose/applyFix';
import type { KeyAccessFix, RegistryDiagnosis } from '../../domain/diagnose/Finding';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';
import { programmaticArgs, selectedSubscriptionIds } from '../keyAccessServices';
import { checkTitle, explain, fixLabel, fixNeedsConfirmation } from './findingText';

/** `executeCommand('acrCmk.fixKeyAccess', { registryId, fix, confirmed })`: apply one fix Diagnose offered. */
export interface FixKeyAccessArgs {
    readonly registryId: string;
    readonly fix: KeyAccessFix;
    /** The caller already asked the user (or is a test); skips the modal. */
    readonly confirmed?: boolean;
}

export async function fixKeyAccess(context: IActionContext, services: CommandServices, arg?: unknown): Promise<void> {
    const args = programmaticArgs<FixKeyAccessArgs>(context, arg);
    if (!args?.fix) {
        return;
    }
    const node = await resolveRegistryNode(context, services, args.registryId, { cmkOnly: true });
    await applyOneFix(context, services, node.factory, node.registry.name, args.fix, args.confirmed === true);
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
    await applyOneFix(context, services, node.factory, diagnosis.registryName, picked.data, false);
    return picked.data;
}

async function applyOneFix(
    context: IActionContext,
    services: CommandServices,
    factory: Parameters<typeof applyFix>[0],
    registryName: string,
    fix: KeyAccessFix,
    confirmed: boolean,
): Promise<void> {
    if (!confirmed && fixNeedsConfirmation(fix)) {
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
