import type { IActionContext } from '@microsoft/vscode-azext-utils';
import { AnswerPromptStep } from '../AnswerPromptStep';

/** What every flow's picker tells its step: whether the flow has the answer already, and how Back clears it. */
export interface Answered<T> {
    answered(context: T): boolean;
    /** Stores the answer; `undefined` clears it (Back). A picker without it clears its answer in its step's `clearAnswer`. */
    answer?(context: T, value: undefined): void;
}

/**
 * A Quick Pick of one kind of resource (group, location, identity, vault, key) whose flow-specific part is a picker:
 * asked until the picker has the answer, which Back clears; the subclass lists the items.
 */
export abstract class PickerPromptStep<T extends IActionContext, P extends Answered<T>> extends AnswerPromptStep<T> {
    /** @param question the step-count question it answers (a flow may count it with another). */
    constructor(
        protected readonly picker: P,
        readonly question: string,
    ) {
        super();
    }

    protected clearAnswer(context: T): void {
        this.picker.answer?.(context, undefined);
    }

    shouldPrompt(context: T): boolean {
        return !this.picker.answered(context);
    }
}
