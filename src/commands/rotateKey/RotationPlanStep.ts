import { AzureWizardPromptStep, GoBackError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { isDomainError } from '../../domain/errors';
import { formatKeyIdentifier } from '../../domain/keys/keyIdentifier';
import { decideRotation, missingConsents, readRotationFacts, type RotationFacts } from '../../domain/rotate/planRotation';
import type { RotationPlan } from '../../domain/rotate/RotationPlan';
import { rotationStepList } from '../../l10n/rotationStepLabel';
import { askConsent, consentQuestion } from './rotationConsent';
import type { RotationRequestBuilder, RotationWizardContext } from './RotateKeyContext';
import { keyText, policyLine, snapshotIdentifiers, snapshotText } from '../../l10n/encryptionText';

/**
 * Plans the rotation (reads only) and asks, up front and in the order of the changes, every consent the plan needs
 * (one modal question each), then decides once on the facts already read (Azure is not read again). Ends with a modal
 * confirmation that shows the registry's encryption before and after.
 */
export class RotationPlanStep extends AzureWizardPromptStep<RotationWizardContext> {
    /** Counted: besides any consent it asks, it always ends with the confirmation. */
    readonly question = 'confirm';

    constructor(private readonly buildRequest: RotationRequestBuilder) {
        super();
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        // Consents given here belong to this plan: Back (to change an answer) asks them again for the next one.
        const consentBefore = context.consent;
        const identityBefore = context.answers.identity;
        try {
            await this.planAndConfirm(context);
        } catch (error) {
            if (error instanceof GoBackError) {
                context.consent = consentBefore;
                context.answers.identity = identityBefore;
            }
            throw error;
        }
    }

    private async planAndConfirm(context: RotationWizardContext): Promise<void> {
        let request = this.buildRequest(context);
        // Azure is read once per request; the consents are asked from the facts, then the decision is made once.
        let facts: RotationFacts | undefined;
        for (;;) {
            facts ??= await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking key, identity and access…') },
                () => readRotationFacts(context.factory, request),
            );
            try {
                for (const refusal of missingConsents(facts, { ...request, consent: context.consent })) {
                    const question = consentQuestion(refusal, context.registry.name);
                    if (!question) {
                        throw refusal;
                    }
                    await askConsent(context, question);
                    context.consent = { ...context.consent, [question.key]: true };
                }
                break;
            } catch (error) {
                if (!isDomainError(error, 'FirewallNeedsSystemIdentity') || request.identity.kind === 'system') {
                    throw error;
                }
                await context.ui.showWarningMessage(
                    vscode.l10n.t('Key vault "{0}" is behind a firewall', error.params.vault),
                    {
                        modal: true,
                        detail: vscode.l10n.t(
                            "Only the registry's system-assigned identity can pass a key vault firewall, as a trusted Microsoft service. Use the system-assigned identity for this key?",
                        ),
                    },
                    { title: vscode.l10n.t('Use System-Assigned Identity') },
                );
                request = { ...request, identity: { kind: 'system' } };
                context.answers.identity = request.identity;
                // Another identity: its facts (assigned? access?) are read again.
                facts = undefined;
            }
        }
        context.plan = decideRotation(facts, { ...request, consent: context.consent });
        await confirmSwitch(context, context.plan);
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.plan;
    }
}

async function confirmSwitch(context: RotationWizardContext, plan: RotationPlan): Promise<void> {
    const versionlessId = formatKeyIdentifier(plan.key, { versionless: true });
    const targetId = plan.targetKeyId ?? (plan.versionless ? versionlessId : vscode.l10n.t('{0}/<new version>', versionlessId));
    const target = plan.targetKeyId
        ? keyText(plan.targetKeyId)
        : plan.versionless && plan.steps.has('createKeyVersion')
          ? vscode.l10n.t('key "{0}" in key vault "{1}" (versionless, a new version created now)', plan.key.keyName, plan.key.vaultName)
          : plan.versionless
            ? keyText(versionlessId)
            : vscode.l10n.t('key "{0}" in key vault "{1}" (a new version created now)', plan.key.keyName, plan.key.vaultName);
    const identity =
        plan.identity.kind === 'system' ? vscode.l10n.t('system-assigned identity') : vscode.l10n.t('identity "{0}" (user-assigned)', plan.identity.name);
    const detail = [
        vscode.l10n.t('Now: {0}', snapshotText(plan.before)),
        vscode.l10n.t('After: {0}, {1}', target, identity),
        vscode.l10n.t('Steps: {0}', rotationStepList([...plan.steps])),
        plan.steps.has('switchEncryption')
            ? ''
            : vscode.l10n.t('The registry keeps its versionless key identifier and picks up the new version within an hour.'),
        plan.rotationPolicy ? policyLine(plan.rotationPolicy, plan.key.keyName) : '',
        '',
        vscode.l10n.t('Now: {0}', snapshotIdentifiers(plan.before)),
        vscode.l10n.t(
            'After: {0}',
            [targetId, plan.identity.kind === 'system' ? 'system' : vscode.l10n.t('client ID {0}', plan.identity.clientId)].join(' · '),
        ),
    ]
        .filter((line, index, lines) => line.length > 0 || (index > 0 && lines[index - 1] !== ''))
        .join('\n');
    await context.ui.showWarningMessage(
        vscode.l10n.t('Change the encryption of registry "{0}"?', plan.registry.name),
        { modal: true, detail },
        { title: vscode.l10n.t('Change Encryption') },
    );
}
