import * as vscode from 'vscode';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { vaultNameProblem } from '../../domain/create/names';
import { requireVaultNameAvailable } from '../../domain/create/preflight';
import { errorMessage } from '../../l10n/errorMessage';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { validationMessage } from '../wizard/validationMessage';

/** Name of a new vault: rules as you type, then global availability. Its retention is the next step (VaultRetentionStep). */
export class NewVaultStep extends AnswerPromptStep<CreateRegistryContext> {
    readonly question = 'vault';

    protected clearAnswer(context: CreateRegistryContext): void {
        context.vault = { kind: 'new', name: '' };
    }

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
        context.vault = { kind: 'new', name };
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.vault?.kind === 'new' && !context.vault.name;
    }
}
