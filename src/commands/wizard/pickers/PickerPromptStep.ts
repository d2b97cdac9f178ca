import type { IActionContext } from '@microsoft/vscode-azext-utils';
import { AnswerPromptStep } from '../AnswerPromptStep';

/** What every flow's picker tells its step: whether the flow has the answer already. */
export interface Answered<T> {
    answered(context: T): boolean;
}

/**
 * A Quick Pick of one kind of resource (group, location, identity, vault, key) whose flow-specific part is a picker:
 * asked until the picker has the answer; the subclass lists the items and clears the answer on Back.
 */
export abstract class PickerPromptStep<T extends IActionContext, P extends Answered<T>> extends AnswerPromptStep<T> {
    /** @param question the step-count question it answers (a flow may count it with another). */
    constructor(
        protected readonly picker: P,
        readonly question: string,
    ) {
        super();
    }

    shouldPrompt(context: T): boolean {
        return !this.picker.answered(context);
    }
}
