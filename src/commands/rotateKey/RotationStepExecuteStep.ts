import { AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import { rotationSteps, startProgress, type RotationStep } from '../../domain/rotate/rotationSteps';
import { finishRotation, runRotationStep } from '../../domain/rotate/runRotation';
import { rotationStepLabel } from '../../l10n/rotationStepLabel';
import type { RotationWizardContext } from './RotateKeyContext';
import { beginJournal } from '../journal/beginJournal';
import { journalRotationPlan } from '../../domain/recovery/recoverRotation';

/**
 * One domain rotation step as a wizard execute step. Priorities follow the domain's step order (100, 110, …),
 * so the wizard runs exactly what `runRotation` runs, and fails with the same structured error.
 */
export class RotationStepExecuteStep extends AzureWizardExecuteStep<RotationWizardContext> {
    readonly priority: number;

    constructor(
        private readonly step: RotationStep,
        index: number,
    ) {
        super();
        this.priority = 100 + index * 10;
        this.id = `rotation.${step.name}`;
    }

    async execute(context: RotationWizardContext, progress: { report(value: { message?: string }): void }): Promise<void> {
        const plan = context.plan!;
        context.journal ??= await beginJournal(context.services, {
            flow: 'rotate',
            command: context.command,
            registryId: plan.registry.id,
            registryName: plan.registry.name,
            subscriptionId: plan.registry.subscriptionId,
            plan: journalRotationPlan(plan),
        });
        context.progress ??= startProgress(plan, context.journal?.current.id);
        progress.report({ message: rotationStepLabel(this.step.name) });
        await runRotationStep(context.factory, plan, context.progress, this.step, context.journal);
    }

    shouldExecute(context: RotationWizardContext): boolean {
        return !!context.plan?.steps.has(this.step.name);
    }
}

export function rotationExecuteSteps(): RotationStepExecuteStep[] {
    return rotationSteps.map((step, index) => new RotationStepExecuteStep(step, index));
}

/** Last: the registry as the rotation left it (read once more unless the switch returned it). */
export class RotationSummaryStep extends AzureWizardExecuteStep<RotationWizardContext> {
    readonly priority = 1000;

    async execute(context: RotationWizardContext): Promise<void> {
        const plan = context.plan!;
        context.result = await finishRotation(context.factory, plan, context.progress ?? startProgress(plan));
        context.registry = context.result.registry;
    }

    shouldExecute(context: RotationWizardContext): boolean {
        return !!context.plan;
    }
}
