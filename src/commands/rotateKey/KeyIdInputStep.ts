import * as vscode from 'vscode';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { isDomainError } from '../../domain/errors';
import { parseKeyIdentifier } from '../../domain/keys/keyIdentifier';
import { domainErrorMessage } from '../../l10n/domainErrorMessage';
import type { RotationWizardContext } from './RotateKeyContext';

/** A typed key identifier, checked as you type (nothing is sent to Azure for an id that cannot parse). */
export class KeyIdInputStep extends AnswerPromptStep<RotationWizardContext> {
    readonly question = 'key';

    protected clearAnswer(context: RotationWizardContext): void {
        context.answers.keyId = undefined;
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        context.answers.keyId = (await context.ui.showInputBox({
            prompt: vscode.l10n.t('Key identifier (https://<vault>.{0}/keys/<key>[/<version>])', context.factory.cloud.keyVaultDnsSuffix),
            validateInput: (value) => validateKeyId(value, context),
        })).trim();
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.answers.keyId;
    }
}

function validateKeyId(value: string, context: RotationWizardContext): string | undefined {
    try {
        parseKeyIdentifier(value, context.factory.cloud);
        return undefined;
    } catch (error) {
        if (isDomainError(error)) {
            return domainErrorMessage(error);
        }
        throw error;
    }
}
