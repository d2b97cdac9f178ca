import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { defaultRetentionDays, retentionProblem, vaultNameProblem } from '../../domain/create/names';
import { requireVaultNameAvailable } from '../../domain/create/preflight';
import { errorMessage } from '../../l10n/errorMessage';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { validationMessage } from './validationMessage';

/** Name (rules as you type, then global availability) and soft-delete retention of a new vault. */
export class NewVaultStep extends AzureWizardPromptStep<CreateRegistryContext> {
    async prompt(context: CreateRegistryContext): Promise<void> {
        const target = context.subscription!;
        const name = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Name of the new key vault (3-24 letters, digits and hyphens; globally unique)'),
            validateInput: (value) => validationMessage(vaultNameProblem(value)),
            asyncValidationTask: async (value) => {
                try {
                    await requireVaultNameAvailable(target.factory, target.subscriptionId, value);
                    return undefined;
                } catch (error) {
                    return errorMessage(error);
                }
            },
        });
        const retention = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Soft-delete retention in days (7-90). Soft delete and purge protection are turned on and cannot be turned off.'),
            value: String(defaultRetentionDays),
            validateInput: (value) => validationMessage(retentionProblem(value)),
        });
        context.vault = { kind: 'new', name, softDeleteRetentionInDays: Number(retention.trim()) };
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.vault?.kind === 'new' && !context.vault.name;
    }
}
