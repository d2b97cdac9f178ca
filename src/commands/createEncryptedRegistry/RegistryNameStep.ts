import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { registryNameProblem } from '../../domain/create/names';
import { requireRegistryNameAvailable } from '../../domain/create/preflight';
import { errorMessage } from '../../l10n/errorMessage';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { validationMessage } from '../wizard/validationMessage';

/** Azure's rules as you type, then global availability; the SKU is fixed to Premium and the prompt says why. */
export class RegistryNameStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'registryName';

    async prompt(context: CreateRegistryContext): Promise<void> {
        const target = context.subscription!;
        context.registryName = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Registry name (5-50 letters and digits). SKU: Premium — customer-managed keys are available only in the Premium SKU.'),
            validateInput: (value) => validationMessage(registryNameProblem(value)),
            asyncValidationTask: async (value) => {
                try {
                    await requireRegistryNameAvailable(target.factory, target.subscriptionId, value);
                    return undefined;
                } catch (error) {
                    return errorMessage(error);
                }
            },
        });
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return !context.registryName;
    }
}
