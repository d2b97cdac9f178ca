import type { AzureWizardPromptStep, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { findRegistriesSharingIdentity } from '../../domain/revoke/sharedAccess';
import type { RegistrySummary } from '../../domain/registries/RegistryEncryption';
import { FlowWizard } from '../wizard/FlowWizard';
import type { RotationPlan } from '../../domain/rotate/RotationPlan';
import { snapshotText } from '../../l10n/encryptionText';
import type { RotationResult } from '../../domain/rotate/runRotation';
import type { RegistryNode } from '../../tree/RegistryNode';
import type { CommandServices } from '../CommandServices';
import { RotationPlanStep } from './RotationPlanStep';
import { rotationExecuteSteps } from './rotationExecuteSteps';
import type { RotationConsent } from '../../domain/rotate/RotationRequest';
import type { RotationRequestBuilder, RotationWizardContext } from './RotateKeyContext';

export interface RotationWizardOptions {
    /** The command's id without `acrCmk.` (kept in the journal of the run). */
    readonly command: string;
    readonly title: string;
    readonly promptSteps: AzureWizardPromptStep<RotationWizardContext>[];
    readonly buildRequest: RotationRequestBuilder;
    /** Consents the command itself stands for (Use System-Assigned Identity: enabling and granting it); the others are asked. */
    readonly consent?: RotationConsent;
}

/** The wizard every rotation-type command shares: its own prompts, then plan + consents, the domain steps, the summary. */
export async function runRotationWizard(
    actionContext: IActionContext,
    services: CommandServices,
    node: RegistryNode,
    options: RotationWizardOptions,
): Promise<RotationResult> {
    const context: RotationWizardContext = Object.assign(actionContext, {
        services,
        factory: node.factory,
        registry: node.registry,
        answers: {},
        consent: { ...options.consent },
        command: options.command,
    });
    const wizard = new FlowWizard(context, {
        title: options.title,
        promptSteps: [...options.promptSteps, new RotationPlanStep(options.buildRequest)],
        executeSteps: rotationExecuteSteps(),
    });
    const before = node.registry;
    await wizard.prompt();
    try {
        await wizard.execute();
    } finally {
        // Finished or failed with its message shown: either way nothing is left to resume.
        await context.journal?.finish();
    }
    node.registry = context.registry;
    services.tree.showChangedRegistry(context.registry);
    announceRotation(context.plan!, context.result!);
    if (context.answers.removePreviousIdentityAccess) {
        await markSharingPreviousIdentity(context, before);
    }
    return context.result!;
}

/** The registries that lost their key with the previous identity's access: marked in the tree, and named once more. */
async function markSharingPreviousIdentity(context: RotationWizardContext, before: RegistrySummary): Promise<void> {
    const subscriptionIds = (await context.services.inventory.getSubscriptions()).map((target) => target.subscriptionId);
    const sharing = context.sharingPreviousIdentity ?? (await findRegistriesSharingIdentity(context.factory, subscriptionIds, before).catch(() => []));
    if (sharing.length === 0 || before.encryption.status !== 'enabled' || before.encryption.identity?.kind !== 'user') {
        return;
    }
    const identity = before.encryption.identity.name;
    for (const other of sharing) {
        context.services.tree.markKeyAccess(other.id, {
            kind: 'problem',
            severity: 'error',
            summary: vscode.l10n.t('Lost access to its key when the key vault access of identity "{0}" was removed.', identity),
        });
    }
    void vscode.window.showWarningMessage(
        vscode.l10n.t('Also without key access now (they used "{0}"): {1}.', identity, sharing.map((other) => other.name).join(', ')),
    );
}

/**
 * The notification that ends a rotation-type flow: what the registry now uses, by name. Shown once the wizard's
 * progress has closed (a notification raised inside that progress did not always reach the notification centre), and
 * not awaited: the command ends while it stays.
 */
function announceRotation(plan: RotationPlan, result: RotationResult): void {
    const message =
        !plan.steps.has('switchEncryption') && plan.steps.has('createKeyVersion')
            ? vscode.l10n.t(
                  'Registry "{0}" keeps its versionless key and picks up the new version of key "{1}" within an hour; now {2}.',
                  plan.registry.name,
                  plan.key.keyName,
                  snapshotText(result.after),
              )
            : vscode.l10n.t('Registry "{0}" now uses {1}.', plan.registry.name, snapshotText(result.after));
    const showEncryption = vscode.l10n.t('Show Encryption');
    void vscode.window.showInformationMessage(message, showEncryption).then((choice) => {
        if (choice === showEncryption) {
            void vscode.commands.executeCommand('acrCmk.showEncryption', plan.registry.id);
        }
    });
}
