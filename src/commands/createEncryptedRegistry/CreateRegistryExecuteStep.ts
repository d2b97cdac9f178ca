import { AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CreateRunState, ExistingResource } from '../../domain/create/CreateRunState';
import { isCreateStepFailedError, type CreateStepFailedError } from '../../domain/create/CreateStepFailedError';
import { cleanupCreate } from '../../domain/create/cleanupCreate';
import { registryId } from '../../domain/create/CreatePlan';
import { beginJournal } from '../journal/beginJournal';
import { executeCreate } from '../../domain/create/executeCreate';
import { createStepTitle } from '../../l10n/createStepTitle';
import { errorMessage } from '../../l10n/errorMessage';
import { planOf, type CreateRegistryContext } from './CreateRegistryContext';
import { runPreflight } from './SummaryStep';

/** Priority 100: the only execute step; the domain runs independent steps concurrently inside it. */
export class CreateRegistryExecuteStep extends AzureWizardExecuteStep<CreateRegistryContext> {
    priority = 100;

    async execute(context: CreateRegistryContext, progress: vscode.Progress<{ message?: string }>): Promise<void> {
        await runPreflight(context);
        const plan = planOf(context);
        const journal = await beginJournal(context.services, {
            flow: 'create',
            command: 'createEncryptedRegistry',
            registryId: registryId(plan),
            registryName: plan.registry.name,
            subscriptionId: plan.subscriptionId,
            plan,
        });
        const factory = context.subscription!.factory;
        let resume: CreateRunState | undefined;
        try {
            for (;;) {
                try {
                    context.result = await executeCreate(factory, plan, {
                        resume,
                        journal,
                        onProgress: (step) => step.status === 'started' && progress.report({ message: createStepTitle(step.step) }),
                    });
                    return;
                } catch (error) {
                    if (!isCreateStepFailedError(error)) {
                        throw error;
                    }
                    const choice = await askAfterFailure(context, error);
                    if (choice === 'retry') {
                        resume = error.state;
                        continue;
                    }
                    if (choice === 'cleanup') {
                        progress.report({ message: createStepTitle('cleanup') });
                        await cleanupCreate(factory, error.state);
                    }
                    // The failure was already shown with its details; do not show it a second time.
                    context.errorHandling.suppressDisplay = true;
                    throw error;
                }
            }
        } finally {
            await journal?.finish();
        }
    }

    shouldExecute(context: CreateRegistryContext): boolean {
        return !context.exportChosen && !context.result;
    }
}

/** The failed step, Azure's error, the exact list of what exists; then Retry / Delete What This Run Created / Close. */
async function askAfterFailure(context: CreateRegistryContext, error: CreateStepFailedError): Promise<'retry' | 'cleanup' | 'close'> {
    const retry: vscode.MessageItem = { title: vscode.l10n.t('Retry From Failed Step') };
    const cleanup: vscode.MessageItem = { title: vscode.l10n.t('Delete What This Run Created') };
    const { created, preExisting } = error.report;
    const listed = (resources: readonly ExistingResource[]): string[] =>
        resources.length === 0
            ? [vscode.l10n.t('  (none)')]
            : resources.map((resource) => `  • ${resource.id}${resource.detail ? ` (${resource.detail})` : ''}`);
    const detail = [
        vscode.l10n.t('Created by this run:'),
        ...listed(created),
        vscode.l10n.t('Already existing (left untouched):'),
        ...listed(preExisting),
    ].join('\n');
    const buttons = created.length > 0 ? [retry, cleanup] : [retry];
    const choice = await vscode.window.showErrorMessage(errorMessage(error), { modal: true, detail }, ...buttons);
    context.telemetry.properties.createFailureStep = error.step;
    return choice === retry ? 'retry' : choice === cleanup ? 'cleanup' : 'close';
}
