import type { IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { listKeyNames } from '../../domain/rotate/keyVersions';
import type { RotationWizardContext } from './RotateKeyContext';
import { DomainError } from '../../domain/errors';

/** One key of the chosen vault (the version mode is asked next). */
export class KeyPickStep extends AnswerPromptStep<RotationWizardContext> {
    /** @param question the step-count question it answers (a flow may count it with another). */
    constructor(readonly question = 'key') {
        super();
    }

    protected clearAnswer(context: RotationWizardContext): void {
        context.answers.keyId = undefined;
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        const vaultUrl = context.vaultUrl ?? '';
        const keys = await listKeyNames(context.factory, vaultUrl);
        if (keys.length === 0) {
            throw new DomainError('VaultHasNoKeys', { vault: vaultUrl });
        }
        const state = context.registry.encryption;
        const current = state.status === 'enabled' && state.key?.vaultUrl.toLowerCase() === vaultUrl.toLowerCase() ? state.key.keyName.toLowerCase() : undefined;
        const picks = keys.map((key): IAzureQuickPickItem<string> => ({
            label: key.name,
            description: [key.name.toLowerCase() === current ? vscode.l10n.t('$(check) in use by this registry') : '', key.enabled ? '' : vscode.l10n.t('disabled')]
                .filter((part) => part.length > 0).join(' · ') || undefined,
            data: key.name,
        }));
        const name = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select a key') })).data;
        context.answers.keyId = `${vaultUrl}/keys/${name}`;
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.answers.keyId;
    }
}
