import { AzureWizardPromptStep, type IActionContext } from '@microsoft/vscode-azext-utils';

/**
 * A prompt step whose answer lives inside an object that existed before it asked (`context.answers.keyId`,
 * `context.vault.name`). The wizard's Back clears only properties a step added to the context itself, so such a step
 * would find its old answer, skip itself, and Back would seem to do nothing: `clearAnswer` undoes it. Answers it did
 * not ask for are left alone.
 */
export abstract class AnswerPromptStep<T extends IActionContext> extends AzureWizardPromptStep<T> {
    protected abstract clearAnswer(context: T): void;

    override undo(context: T): void {
        if ((this as { prompted?: boolean }).prompted) {
            this.clearAnswer(context);
        }
    }
}
