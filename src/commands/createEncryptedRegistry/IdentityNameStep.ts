import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { identityNameProblem } from '../../domain/create/names';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { validationMessage } from './validationMessage';

export class IdentityNameStep extends AzureWizardPromptStep<CreateRegistryContext> {
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
