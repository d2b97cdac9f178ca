import { AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { finishRotation } from '../../domain/rotate/runRotation';
import { startProgress } from '../../domain/rotate/rotationSteps';
import type { RotationWizardContext } from './RotateKeyContext';
import { snapshotText } from './rotationText';

/** Last: reads the registry once more, shows before → after, and refreshes its tree node. */
export class RotationSummaryStep extends AzureWizardExecuteStep<RotationWizardContext> {
    readonly priority = 1000;

    async execute(context: RotationWizardContext): Promise<void> {
        const plan = context.plan!;
        context.result = await finishRotation(context.factory, plan, context.progress ?? startProgress(plan));
        context.registry = context.result.registry;
        const { before, after } = context.result;
        const lines = [vscode.l10n.t('Before: {0}', snapshotText(before)), vscode.l10n.t('After: {0}', snapshotText(after))];
        if (!plan.steps.has('switchEncryption') && plan.steps.has('createKeyVersion')) {
            lines.push(vscode.l10n.t('The registry uses the versionless key identifier and picks up the new version within an hour.'));
        }
        void vscode.window.showInformationMessage(vscode.l10n.t('Encryption of registry "{0}" updated.', plan.registry.name), { detail: lines.join('\n') });
    }

    shouldExecute(context: RotationWizardContext): boolean {
        return !!context.plan;
    }
}
