import * as vscode from 'vscode';
import type { CreateRunState, ExistingResource } from '../../domain/create/CreateRunState';
import { isCreateStepFailedError, type CreateStepFailedError } from '../../domain/create/CreateStepFailedError';
import { cleanupCreate } from '../../domain/create/cleanupCreate';
import { registryId } from '../../domain/create/CreatePlan';
import { beginJournal } from '../journal/beginJournal';
import { executeCreate } from '../../domain/create/executeCreate';
import { createStepTitle } from '../../l10n/createStepTitle';
import { errorMessage } from '../../l10n/errorMessage';
import { planExecuteSteps } from '../wizard/planExecuteSteps';
import { planOf, type CreateRegistryContext } from './CreateRegistryContext';
import { runPreflight } from './SummaryStep';

/**
 * Create's plan as the wizard runs it: one part, since its changes run in phases (the steps of a phase side by side:
 * identity and vault, then access and key; then the registry) and the progress names each step as it starts. A failed
 * step offers Retry From Failed Step or Delete What This Run Created.
 */
export function createExecuteSteps() {
    return planExecuteSteps<CreateRegistryContext>([{ id: 'create', applies: (context) => !context.exportChosen && !context.result, run: runCreate }]);
}

async function runCreate(context: CreateRegistryContext, progress: vscode.Progress<{ message?: string }>): Promise<void> {
    await runPreflight(context);
    const plan = planOf(context);
    const registry = { id: registryId(plan), name: plan.registry.name, subscriptionId: plan.subscriptionId };
    const journal = await beginJournal(context.services, 'create', 'createEncryptedRegistry', registry, plan);
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
                const choice = await askAfterFailure(error);
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

/** The failed step, Azure's error, the exact list of what exists; then Retry / Delete What This Run Created / Close. */
async function askAfterFailure(error: CreateStepFailedError): Promise<'retry' | 'cleanup' | 'close'> {
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
    return choice === retry ? 'retry' : choice === cleanup ? 'cleanup' : 'close';
}
