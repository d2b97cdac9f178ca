import { AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import type * as vscode from 'vscode';
import type { CreateRunState } from '../../domain/create/CreateRunState';
import { isCreateStepFailedError } from '../../domain/create/CreateStepFailedError';
import { cleanupCreate } from '../../domain/create/cleanupCreate';
import { registryId, type CreatePlan } from '../../domain/create/CreatePlan';
import type { RunJournal } from '../../domain/engine/RunJournal';
import { beginJournal } from '../journal/beginJournal';
import { executeCreate } from '../../domain/create/executeCreate';
import { createStepTitle } from '../../l10n/createStepTitle';
import { planOf, type CreateRegistryContext } from './CreateRegistryContext';
import { askAfterFailure } from './failureReport';
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
        try {
            await this.run(context, plan, journal, progress);
        } finally {
            await journal?.finish();
        }
    }

    private async run(
        context: CreateRegistryContext,
        plan: CreatePlan,
        journal: RunJournal | undefined,
        progress: vscode.Progress<{ message?: string }>,
    ): Promise<void> {
        const factory = context.subscription!.factory;
        let resume: CreateRunState | undefined;
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
    }

    shouldExecute(context: CreateRegistryContext): boolean {
        return !context.exportChosen && !context.result;
    }
}
