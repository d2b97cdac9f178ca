import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { isDomainError } from '../../domain/errors';
import { formatKeyIdentifier } from '../../domain/keys/keyIdentifier';
import { planRotation } from '../../domain/rotate/planRotation';
import type { RotationPlan } from '../../domain/rotate/RotationPlan';
import { rotationStepList } from '../../l10n/rotationStepLabel';
import { askConsent, consentQuestion } from './rotationConsent';
import type { RotationRequestBuilder, RotationWizardContext } from './RotateKeyContext';
import { snapshotText } from './rotationText';

/**
 * Plans the rotation (reads only) and asks for each change it needs: every refusal the domain raises for a
 * missing consent becomes one modal question, then planning runs again. Ends with a modal confirmation that
 * shows the registry's encryption before and after.
 */
export class RotationPlanStep extends AzureWizardPromptStep<RotationWizardContext> {
    /** Counted: besides any consent it asks, it always ends with the confirmation (unless pre-confirmed). */
    readonly question = 'confirm';

    constructor(private readonly buildRequest: RotationRequestBuilder) {
        super();
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        let request = this.buildRequest(context);
        for (; ;) {
            try {
                context.plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking key, identity and access…') },
                    () => planRotation(context.factory, { ...request, consent: context.consent }));
                break;
            } catch (error) {
                if (!isDomainError(error)) {
                    throw error;
                }
                if (error.code === 'FirewallNeedsSystemIdentity' && request.identity.kind !== 'system') {
                    await context.ui.showWarningMessage(vscode.l10n.t('Key vault "{0}" is behind a firewall', error.params.vault ?? ''), {
                        modal: true, detail: vscode.l10n.t('Only the registry\'s system-assigned identity can pass a key vault firewall, as a trusted Microsoft service. Use the system-assigned identity for this key?'),
                    }, { title: vscode.l10n.t('Use System-Assigned Identity') });
                    request = { ...request, identity: { kind: 'system' } };
                    context.answers.identity = request.identity;
                    continue;
                }
                const question = consentQuestion(error, context.registry.name);
                if (!question || context.consent[question.key]) {
                    throw error;
                }
                await askConsent(context, question);
                context.consent = { ...context.consent, [question.key]: true };
            }
        }
        if (!context.answers.confirmed) {
            await confirmSwitch(context, context.plan);
        }
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.plan;
    }
}

async function confirmSwitch(context: RotationWizardContext, plan: RotationPlan): Promise<void> {
    const target = plan.targetKeyId ?? (plan.versionless ? formatKeyIdentifier(plan.key, { versionless: true }) : vscode.l10n.t('{0}/<new version>', formatKeyIdentifier(plan.key)));
    const identity = plan.identity.kind === 'system' ? vscode.l10n.t('system-assigned identity') : vscode.l10n.t('{0} (user-assigned, client ID {1})', plan.identity.name, plan.identity.clientId);
    const detail = [
        vscode.l10n.t('Now: {0}', snapshotText(plan.before)),
        vscode.l10n.t('After: key {0}, identity {1}', target, identity),
        vscode.l10n.t('Steps: {0}', rotationStepList([...plan.steps].join(','))),
        plan.steps.has('switchEncryption') ? '' : vscode.l10n.t('The registry keeps its versionless key identifier and picks up the new version within an hour.'),
    ].filter((line) => line.length > 0).join('\n');
    await context.ui.showWarningMessage(vscode.l10n.t('Change the encryption of registry "{0}"?', plan.registry.name), { modal: true, detail }, { title: vscode.l10n.t('Change Encryption') });
}
