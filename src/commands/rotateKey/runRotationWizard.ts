import type { AzureWizardPromptStep, IActionContext } from '@microsoft/vscode-azext-utils';
import { FlowWizard } from '../wizard/FlowWizard';
import { announceRotation } from './announceRotation';
import type { RotationResult } from '../../domain/rotate/runRotation';
import type { RegistryNode } from '../../tree/RegistryNode';
import type { CommandServices } from '../CommandServices';
import { RotationPlanStep } from './RotationPlanStep';
import { rotationExecuteSteps } from './RotationStepExecuteStep';
import { RotationSummaryStep } from './RotationSummaryStep';
import type { RotateKeyAnswers, RotationRequestBuilder, RotationWizardContext } from './RotateKeyContext';

export interface RotationWizardOptions {
    readonly title: string;
    readonly promptSteps: AzureWizardPromptStep<RotationWizardContext>[];
    readonly buildRequest: RotationRequestBuilder;
}

/** The wizard every rotation-type command shares: its own prompts, then plan + consents, the domain steps, the summary. */
export async function runRotationWizard(actionContext: IActionContext, services: CommandServices, node: RegistryNode, answers: RotateKeyAnswers,
    options: RotationWizardOptions): Promise<RotationResult> {
    const context: RotationWizardContext = Object.assign(actionContext, {
        services, factory: node.factory, registry: node.registry, answers: { ...answers }, consent: { ...answers.consent },
    });
    const wizard = new FlowWizard(context, {
        title: options.title,
        promptSteps: [...options.promptSteps, new RotationPlanStep(options.buildRequest)],
        executeSteps: [...rotationExecuteSteps(), new RotationSummaryStep()],
    });
    await wizard.prompt();
    await wizard.execute();
    node.registry = context.registry;
    services.tree.showChangedRegistry(context.registry);
    announceRotation(context.plan!, context.result!);
    return context.result!;
}
