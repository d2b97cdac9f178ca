import * as vscode from 'vscode';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { keyNameProblem } from '../../domain/create/names';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { validationMessage } from '../wizard/validationMessage';

/** Name of a new key (its type and size are the next step, KeySpecStep). */
export class NewKeyStep extends AnswerPromptStep<CreateRegistryContext> {
    readonly question = 'key';

    protected clearAnswer(context: CreateRegistryContext): void {
        context.key = { kind: 'new', name: '' };
    }

    async prompt(context: CreateRegistryContext): Promise<void> {
        const name = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Name of the new key'),
            value: context.registryName ? `${context.registryName}-key` : undefined,
            validateInput: (value) => validationMessage(keyNameProblem(value)),
        });
        context.key = { kind: 'new', name };
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.key?.kind === 'new' && !context.key.name;
    }
}
