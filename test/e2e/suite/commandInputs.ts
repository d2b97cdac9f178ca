// One way to drive a command from an in-host test, vscode-azext-utils' own: the command runs as a user starts it
// and a TestUserInput (shipped in @microsoft/vscode-azext-utils 4, so @microsoft/vscode-azext-dev is not needed)
// answers its real prompts in order, by label: quick picks (label or description, string or RegExp), input boxes
// (the typed text, checked by the box's own validation) and modal warnings (the button's title). The extension's
// test API hands over azext-utils' registerOnActionStartHandler, which puts that input on the command's action context.
import { TestUserInput, UserCancelledError, type IActionContext } from '@microsoft/vscode-azext-utils';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './extensionApi';

/** Escape on a prompt: the user closes a pick, an input box or a modal without choosing (the command is cancelled). */
export const dismiss = Symbol('dismiss');
export type CommandInput = string | RegExp | typeof dismiss;

/** A modal warning the command asked, as the user saw it. */
export interface ModalQuestion {
    message: string;
    detail?: string;
    buttons: string[];
}

export interface InputOptions {
    /** Called with each modal question before it is answered (while it is open: nothing after it has run yet). */
    onModal?: (question: ModalQuestion) => void | Promise<void>;
    /** The command's error also reaches the test as a rejection (azext-utils' `errorHandling.rethrow`; it is still shown). */
    rethrow?: boolean;
}

/**
 * Runs `executeCommand(commandId, ...args)` with `inputs` answering its prompts; every input must be used. Errors are
 * shown as a user sees them (the notification guard records them); with `rethrow` the call rejects with them too.
 */
export async function runCommandWithInputs<T = unknown>(
    commandId: string,
    args: unknown[],
    inputs: CommandInput[],
    options: InputOptions = {},
): Promise<T | undefined> {
    const api = await activateExtension();
    const ui = new ScriptedInput([...inputs], options.onModal);
    const registration = api.registerOnActionStartHandler((context) => {
        if (context.callbackId === commandId) {
            context.ui = ui as unknown as IActionContext['ui'];
            context.errorHandling.rethrow ||= options.rethrow === true;
            registration.dispose();
        }
    });
    try {
        return await vscode.commands.executeCommand<T>(commandId, ...args);
    } finally {
        registration.dispose();
        assert.deepEqual(ui.left(), [], `inputs left unused by ${commandId}`);
    }
}

/**
 * azext-utils' TestUserInput, one prompt at a time (so a prompt can be dismissed, and modals recorded before they are
 * answered): each prompt hands TestUserInput the next input and lets it match that input against the prompt.
 */
class ScriptedInput {
    readonly isTesting = true;
    private readonly inner = new TestUserInput(vscode);

    constructor(
        private readonly inputs: CommandInput[],
        private readonly onModal: InputOptions['onModal'],
    ) {}

    get onDidFinishPrompt() {
        return this.inner.onDidFinishPrompt;
    }

    left(): string[] {
        return this.inputs.map(String);
    }

    showQuickPick(items: vscode.QuickPickItem[] | Thenable<vscode.QuickPickItem[]>, options: vscode.QuickPickOptions): Promise<unknown> {
        return this.answer(`quick pick "${options.placeHolder ?? ''}"`, () => this.inner.showQuickPick(items, options));
    }

    showInputBox(options: vscode.InputBoxOptions): Promise<string> {
        return this.answer(`input box "${options.prompt ?? options.placeHolder ?? ''}"`, () => this.inner.showInputBox(options));
    }

    async showWarningMessage(message: string, ...rest: unknown[]): Promise<unknown> {
        const options = typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]) ? (rest[0] as vscode.MessageOptions) : undefined;
        const items = (options ? rest.slice(1) : rest) as vscode.MessageItem[];
        if (options?.modal) {
            await this.onModal?.({ message, detail: options.detail, buttons: items.map((item) => item.title) });
        }
        return this.answer(`warning "${message}"`, () => this.inner.showWarningMessage(message, ...(rest as vscode.MessageItem[])));
    }

    showOpenDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[]> {
        return this.answer(`open dialog "${options.openLabel ?? ''}"`, () => this.inner.showOpenDialog(options));
    }

    private async answer<R>(prompt: string, ask: () => Promise<R>): Promise<R> {
        const input = this.inputs.shift();
        if (input === undefined) {
            throw new Error(`no input left for the ${prompt}`);
        }
        if (input === dismiss) {
            throw new UserCancelledError(prompt);
        }
        return this.inner.runWithInputs([input], ask);
    }
}
