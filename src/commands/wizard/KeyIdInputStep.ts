import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CloudConfig } from '../../domain/cloud/CloudConfig';
import { isDomainError } from '../../domain/errors';
import { parseKeyIdentifier } from '../../domain/keys/keyIdentifier';
import { domainErrorMessage } from '../../l10n/domainErrorMessage';
import { AnswerPromptStep } from './AnswerPromptStep';

/** A wizard that may ask for a key by its identifier (rotation wizards, Rotate All). */
export type KeyIdContext = IActionContext & { readonly factory: { readonly cloud: CloudConfig }; readonly answers: { keyId?: string } };

/** A typed key identifier, checked as you type (nothing is sent to Azure for an id that cannot parse). */
export class KeyIdInputStep<T extends KeyIdContext = KeyIdContext> extends AnswerPromptStep<T> {
    readonly question = 'key';

    protected clearAnswer(context: T): void {
        context.answers.keyId = undefined;
    }

    async prompt(context: T): Promise<void> {
        context.answers.keyId = (
            await context.ui.showInputBox({
                prompt: vscode.l10n.t('Key identifier (https://<vault>.{0}/keys/<key>[/<version>])', context.factory.cloud.keyVaultDnsSuffix),
                validateInput: (value) => validateKeyId(value, context),
            })
        ).trim();
    }

    shouldPrompt(context: T): boolean {
        return !context.answers.keyId;
    }
}

function validateKeyId(value: string, context: KeyIdContext): string | undefined {
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
