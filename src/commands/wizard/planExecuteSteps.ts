import { AzureWizardExecuteStep, type IActionContext } from '@microsoft/vscode-azext-utils';
import type * as vscode from 'vscode';

/**
 * One part of what a flow's plan runs once its prompts are answered: a change (Rotate), a phase of changes run side
 * by side (Create), the changes after a modal (Revoke, Restore), or what the flow reads afterwards. Every part makes
 * its changes through the domain's one runner (`runChange`), which journals them and fails with a `StepFailure`.
 */
export interface PlanPart<C extends IActionContext> {
    /** The execute step's id (telemetry records `execute-<id>` as the last step). */
    readonly id: string;
    /** Whether the plan holds this part; a part it does not hold is skipped and not counted. */
    applies(context: C): boolean;
    /** The progress line while it runs (the wizard adds "(n/N)" when more than one part runs). */
    label?(context: C): string;
    run(context: C, progress: vscode.Progress<{ message?: string }>): Promise<void>;
}

/** The one adapter from a flow's plan to the wizard: an execute step per part, run in the order given. */
export function planExecuteSteps<C extends IActionContext>(parts: readonly PlanPart<C>[]): AzureWizardExecuteStep<C>[] {
    return parts.map((part, index) => new PlanExecuteStep(part, 100 + index * 10));
}

class PlanExecuteStep<C extends IActionContext> extends AzureWizardExecuteStep<C> {
    constructor(
        private readonly part: PlanPart<C>,
        readonly priority: number,
    ) {
        super();
        this.id = part.id;
    }

    async execute(context: C, progress: vscode.Progress<{ message?: string }>): Promise<void> {
        const label = this.part.label?.(context);
        if (label) {
            progress.report({ message: label });
        }
        await this.part.run(context, progress);
    }

    shouldExecute(context: C): boolean {
        return this.part.applies(context);
    }
}
