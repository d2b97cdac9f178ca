import * as vscode from 'vscode';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { identityNameProblem } from '../../domain/create/names';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { validationMessage } from '../wizard/validationMessage';

export class IdentityNameStep extends AnswerPromptStep<CreateRegistryContext> {
    readonly question = 'identity';

    protected clearAnswer(context: CreateRegistryContext): void {
        context.identity = { kind: 'new', name: '' };
    }

    async prompt(context: CreateRegistryContext): Promise<void> {
        const name = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Name of the new user-assigned managed identity'),
            value: context.registryName ? `${context.registryName}-identity` : undefined,
            validateInput: (value) => validationMessage(identityNameProblem(value)),
        });
        context.identity = { kind: 'new', name };
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.identity?.kind === 'new' && !context.identity.name;
    }
}
