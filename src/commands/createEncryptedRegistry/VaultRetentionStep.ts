import * as vscode from 'vscode';
import { defaultRetentionDays, retentionProblem } from '../../domain/create/names';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { validationMessage } from '../wizard/validationMessage';

/**
 * Soft-delete retention of a new vault. Its own step: the wizard keeps one typed answer per step for Back, so a second
 * input box in the name's step was pre-filled with the vault's name.
 */
export class VaultRetentionStep extends AnswerPromptStep<CreateRegistryContext> {
    readonly question = 'vault';

    protected clearAnswer(context: CreateRegistryContext): void {
        if (context.vault?.kind === 'new') {
            context.vault = { kind: 'new', name: context.vault.name, sku: context.vault.sku };
        }
    }

    async prompt(context: CreateRegistryContext): Promise<void> {
        const retention = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Soft-delete retention in days (7-90). Soft delete and purge protection are turned on and cannot be turned off.'),
            value: String(defaultRetentionDays),
            validateInput: (value) => validationMessage(retentionProblem(value)),
        });
        if (context.vault?.kind === 'new') {
            context.vault = { ...context.vault, softDeleteRetentionInDays: Number(retention.trim()) };
        }
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.vault?.kind === 'new' && context.vault.softDeleteRetentionInDays === undefined;
    }
}
