import * as vscode from 'vscode';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { resourceGroupNameProblem } from '../../domain/create/names';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { validationMessage } from '../wizard/validationMessage';

export class NewResourceGroupNameStep extends AnswerPromptStep<CreateRegistryContext> {
    readonly question = 'resourceGroup';

    protected clearAnswer(context: CreateRegistryContext): void {
        context.resourceGroup = { name: '', create: true };
    }

    async prompt(context: CreateRegistryContext): Promise<void> {
        const name = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Name of the new resource group'),
            validateInput: (value) => validationMessage(resourceGroupNameProblem(value)),
        });
        context.resourceGroup = { name, create: true };
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.resourceGroup?.create === true && !context.resourceGroup.name;
    }
}
