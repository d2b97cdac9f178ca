import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AnyDomainError, DomainErrorParams } from '../../domain/errors';
import { rotationChanges } from '../../domain/rotate/rotationChanges';
import type { RotationConsent } from '../../domain/rotate/RotationRequest';
import type { RotationStepName } from '../../domain/rotate/RotationPlan';
import { identityNotAssignedText, thenSentence } from '../../l10n/encryptionHealthText';

type ConsentKey = keyof RotationConsent;
type Question = { key: ConsentKey; message: string; detail: string; button: string };

/**
 * The question for a refusal the plan raised that the user can lift by consenting; undefined when the refusal
 * is final. Each is modal: these change Azure resources (registry identities, vault access, the vault firewall).
 * The consent each answer gives is the change's own (`rotationChanges`).
 */
export function consentQuestion(error: AnyDomainError, registryName: string): Question | undefined {
    switch (error.code) {
        case 'EncryptionIdentityRemoved':
            return ask('reassignIdentity', {
                button: vscode.l10n.t('Re-assign Identity'),
                message: vscode.l10n.t('The encryption identity of "{0}" was removed from the registry', registryName),
                detail: thenSentence(
                    identityNotAssignedText(error.params.clientId),
                    vscode.l10n.t(
                        'Azure rejects every key update of registry "{0}" with "does not have access to identity" until it is assigned again. Re-assign it now, before the rotation?',
                        registryName,
                    ),
                ),
            });
        case 'FirewallNeedsTrustedServices':
            return ask('enableTrustedServices', {
                button: vscode.l10n.t('Allow Trusted Services'),
                message: vscode.l10n.t('Allow trusted Microsoft services through the firewall of key vault "{0}"?', error.params.vault),
                detail: vscode.l10n.t(
                    'The registry\'s system-assigned identity reaches a firewalled vault only as a trusted Microsoft service. This sets "bypass" to AzureServices on the vault; its firewall rules stay as they are.',
                ),
            });
        case 'RotationChangeDeclined':
            return stepQuestion(registryName, error.params);
        default:
            return undefined;
    }
}

/** A question that gives the consent of the change it asks about. */
const ask = (step: RotationStepName, question: Omit<Question, 'key'>): Question => ({ key: rotationChanges[step].consent!, ...question });

function stepQuestion(registryName: string, p: DomainErrorParams['RotationChangeDeclined']): Question | undefined {
    switch (p.step) {
        case 'assignIdentity':
            return ask('assignIdentity', {
                button: vscode.l10n.t('Assign Identity'),
                message: vscode.l10n.t('Assign the user-assigned managed identity to registry "{0}"?', registryName),
                detail: vscode.l10n.t('The registry can use an identity for encryption only when it is assigned to it. The identities already assigned stay.'),
            });
        case 'enableSystemIdentity':
            return ask('enableSystemIdentity', {
                button: vscode.l10n.t('Enable System Identity'),
                message: vscode.l10n.t('Enable the system-assigned identity of registry "{0}"?', registryName),
                detail: vscode.l10n.t("Azure creates an identity tied to the registry's lifetime. The user-assigned identities stay assigned."),
            });
        case 'grantAccess':
            return ask('grantAccess', {
                button: vscode.l10n.t('Grant Access'),
                message:
                    p.identity === 'system'
                        ? vscode.l10n.t('Grant the system-assigned identity of registry "{0}" access to key vault "{1}"?', registryName, p.vault)
                        : vscode.l10n.t('Grant identity "{0}" access to key vault "{1}"?', p.identity, p.vault),
                detail: vscode.l10n.t(
                    'Adds an access policy with key permissions get, wrapKey and unwrapKey, or on a vault that uses Azure RBAC the role "Key Vault Crypto Service Encryption User" at vault scope. Nothing broader.',
                ),
            });
        case 'grantPolicyRights':
            return ask('grantPolicyRights', {
                button: vscode.l10n.t('Add Permissions'),
                message: vscode.l10n.t('Give yourself the key permissions to manage the rotation policy?'),
                detail: vscode.l10n.t(
                    "Your access policy on the key vault lacks getrotationpolicy and setrotationpolicy, which writing and showing the key's rotation policy need. Only these two key permissions are added to your access policy; the registry is not changed before they are.",
                ),
            });
        default:
            return undefined;
    }
}

/** Asks one consent (modal); cancelling throws UserCancelledError, which leaves Azure as it was. */
export async function askConsent(context: IActionContext, question: Question): Promise<void> {
    await context.ui.showWarningMessage(question.message, { modal: true, detail: question.detail }, { title: question.button });
}
