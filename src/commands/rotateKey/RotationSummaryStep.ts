import { AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import { finishRotation } from '../../domain/rotate/runRotation';
import { startProgress } from '../../domain/rotate/rotationSteps';
import type { RotationWizardContext } from './RotateKeyContext';

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
