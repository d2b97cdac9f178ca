import { AzureWizard, type AzureWizardPromptStep, type IActionContext, type IWizardOptions } from '@microsoft/vscode-azext-utils';

/**
 * What a prompt step may say about the step count users see (`(3/8)` in the Quick Pick's title):
 * - `question`: steps asking the same question share one number ("Create new key vault" then its name and retention);
 * - `uncounted`: a step that only sometimes asks (consent modals of a plan) is not counted, so the total never shrinks.
 */
export interface CountedStep {
    readonly question?: string;
    readonly uncounted?: boolean;
}

interface WizardInternals<T extends IActionContext> {
    readonly _promptSteps: AzureWizardPromptStep<T>[];
    readonly _finishedPromptSteps: (AzureWizardPromptStep<T> & { prompted?: boolean })[];
    readonly currentStepId?: string;
}

/**
 * vscode-azext-utils' wizard with a step count that is stable and truthful from the first prompt: it counts questions,
 * not prompt steps, so choosing "Create new …" (which adds a name prompt) does not change the total or renumber the
 * steps after it. Everything else (Back, cached answers, execution) is the base wizard's.
 */
export class FlowWizard<T extends IActionContext> extends AzureWizard<T> {
    private readonly allPromptSteps: AzureWizardPromptStep<T>[];

    constructor(
        private readonly flowContext: T,
        options: IWizardOptions<T>,
    ) {
        super(flowContext, options);
        this.allPromptSteps = [...(options.promptSteps ?? [])];
    }

    /** Steps a step adds once answered (`getSubWizard`) count like the others: the base wizard calls this for them. */
    addSubWizard(step: AzureWizardPromptStep<T>, subWizard: IWizardOptions<T>): void {
        this.allPromptSteps.push(...(subWizard.promptSteps ?? []));
        (AzureWizard.prototype as unknown as { addSubWizard: (this: AzureWizard<T>, ...args: unknown[]) => void }).addSubWizard.call(this, step, subWizard);
    }

    get currentStep(): number {
        const answered = this.answeredQuestions();
        const current = this.currentQuestion();
        return answered.size + (current !== undefined && answered.has(current) ? 0 : 1);
    }

    /** Back is offered once anything was asked before (the base wizard's test, a step number above 1, no longer holds). */
    get showBackButton(): boolean {
        return this.internals._finishedPromptSteps.some((step) => step.prompted);
    }

    get totalSteps(): number {
        const questions = this.answeredQuestions();
        const current = this.currentQuestion();
        if (current !== undefined) {
            questions.add(current);
        }
        for (const step of this.internals._promptSteps) {
            if (!isUncounted(step) && step.shouldPrompt(this.flowContext)) {
                questions.add(questionOf(step));
            }
        }
        return questions.size;
    }

    private get internals(): WizardInternals<T> {
        return this as unknown as WizardInternals<T>;
    }

    private answeredQuestions(): Set<string> {
        return new Set(this.internals._finishedPromptSteps.filter((step) => step.prompted && !isUncounted(step)).map(questionOf));
    }

    private currentQuestion(): string | undefined {
        const step = this.allPromptSteps.find((candidate) => candidate.id === this.internals.currentStepId);
        return step && !isUncounted(step) ? questionOf(step) : undefined;
    }
}

const questionOf = (step: AzureWizardPromptStep<IActionContext>): string => (step as CountedStep).question ?? step.id;
const isUncounted = (step: AzureWizardPromptStep<IActionContext>): boolean => (step as CountedStep).uncounted === true;
