import type { IActionContext, IAzureQuickPickItem, IWizardOptions } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { DomainError } from '../../domain/errors';
import type { FleetOutcome, FleetRotationPlan, FleetRotationResult, FleetTarget } from '../../domain/fleet/rotateAll/FleetRotation';
import { runFleetRotation } from '../../domain/fleet/rotateAll/runFleetRotation';
import type { CommandServices } from '../CommandServices';
import { FlowWizard } from '../wizard/FlowWizard';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { KeyIdInputStep } from '../wizard/KeyIdInputStep';
import { NotifyBeforeExpiryStep } from '../wizard/NotifyBeforeExpiryStep';
import { RotationIntervalStep } from '../wizard/RotationIntervalStep';
import { RotationPolicyStep } from '../wizard/RotationPolicyStep';
import { VersionModeStep } from '../wizard/VersionModeStep';
import { policyLine } from '../../l10n/encryptionText';
import { fleetTargetText, outcomeLine } from './fleetRotationText';
import { FleetPlanStep } from './FleetPlanStep';
import { pickKeyInUse } from '../pickKeyInUse';
import { registryJournals } from './registryJournals';
import type { RotateAllContext } from './RotateAllContext';

/**
 * Rotate All Registries Using This Key: every registry on a key (any subscription shown) to a new version of it or to
 * another key, planned up front and confirmed once, run a few at a time; the tree shows each change as it lands and the
 * closing notification says what happened to every registry.
 */
export async function rotateAllUsingKey(actionContext: IActionContext, services: CommandServices, arg?: unknown): Promise<FleetRotationResult> {
    return runFleetWizard(actionContext, services, arg, 'rotate');
}

/**
 * Enable Automatic Rotation for All Registries Using This Key: one rotation policy on the key (asked as for one
 * registry), and every registry pinned to a version of it moved to the versionless key identifier, planned and
 * confirmed once, run a few at a time.
 */
export async function enableAutoRotationUsingKey(actionContext: IActionContext, services: CommandServices, arg?: unknown): Promise<FleetRotationResult> {
    return runFleetWizard(actionContext, services, arg, 'autoRotate');
}

async function runFleetWizard(
    actionContext: IActionContext,
    services: CommandServices,
    arg: unknown,
    mode: RotateAllContext['mode'],
): Promise<FleetRotationResult> {
    const { key, factory } = await pickKeyInUse(actionContext, services, arg);
    if (key.users.length === 0) {
        throw new DomainError('FleetRotationNothingToDo', { key: key.keyName, refused: '0' });
    }
    const subscriptionIds = (await services.inventory.getSubscriptions()).map((target) => target.subscriptionId);
    const context: RotateAllContext = Object.assign(actionContext, { mode, factory, key, subscriptionIds, answers: {} });
    const wizard = new FlowWizard(
        context,
        mode === 'rotate'
            ? {
                  title: vscode.l10n.t('Rotate all registries using key "{0}"', key.keyName),
                  promptSteps: [new FleetTargetStep(), new VersionModeStep<RotateAllContext>(), new FleetPlanStep()],
              }
            : {
                  title: vscode.l10n.t('Enable automatic rotation for all registries using key "{0}"', key.keyName),
                  promptSteps: [
                      new RotationPolicyStep<RotateAllContext>(),
                      new RotationIntervalStep<RotateAllContext>(),
                      new NotifyBeforeExpiryStep<RotateAllContext>(),
                      new FleetPlanStep(),
                  ],
              },
    );
    await wizard.prompt();
    const plan = context.plan!;
    const result = await vscode.window.withProgress(
        {
            location: vscode.ProgressLocation.Notification,
            title:
                mode === 'rotate'
                    ? vscode.l10n.t('Rotating the registries using key "{0}"', key.keyName)
                    : vscode.l10n.t('Enabling automatic rotation for the registries using key "{0}"', key.keyName),
        },
        (progress) =>
            runFleetRotation(factory, plan, {
                beginJournal: registryJournals(services, mode === 'rotate' ? 'rotateAllUsingKey' : 'enableAutoRotationUsingKey'),
                onOutcome: (outcome, done, total) => {
                    progress.report({ message: vscode.l10n.t('{0} of {1}: {2}', done, total, outcomeLine(outcome)), increment: 100 / total });
                    if (outcome.kind === 'switched') {
                        services.tree.showChangedRegistry(outcome.result.registry);
                    }
                },
            }),
    );
    announce(mode, key.keyName, plan, result.outcomes);
    if (plan.request.rotationPolicy) {
        services.keys.refresh();
    }
    return result;
}

/** The closing notification: counts by outcome, the failed ones by name; Show Details opens every registry's line. */
function announce(mode: RotateAllContext['mode'], keyName: string, plan: FleetRotationPlan, outcomes: readonly FleetOutcome[]): void {
    const count = (kind: FleetOutcome['kind']) => outcomes.filter((outcome) => outcome.kind === kind).length;
    const policy = plan.request.rotationPolicy;
    const summary =
        mode === 'rotate'
            ? vscode.l10n.t(
                  'Rotate All for key "{0}": {1} rotated, {2} pick up the new version within an hour, {3} unchanged, {4} left as they were, {5} failed.',
                  keyName,
                  count('switched'),
                  count('picksUp'),
                  count('unchanged'),
                  count('refused'),
                  count('failed'),
              )
            : policy
              ? vscode.l10n.t(
                    'Automatic rotation for key "{0}": rotation policy set (every {1} days); {2} switched to the versionless key, {3} already versionless, {4} left as they were, {5} failed.',
                    keyName,
                    policy.rotateEveryDays,
                    count('switched'),
                    count('unchanged'),
                    count('refused'),
                    count('failed'),
                )
              : vscode.l10n.t(
                    'Automatic rotation for key "{0}": {1} switched to the versionless key, {2} already versionless, {3} left as they were, {4} failed.',
                    keyName,
                    count('switched'),
                    count('unchanged'),
                    count('refused'),
                    count('failed'),
                );
    const failed = outcomes.filter((outcome) => outcome.kind === 'failed' || outcome.kind === 'refused').map((outcome) => outcome.registry.name);
    const notDone = mode === 'rotate' ? vscode.l10n.t('Not rotated: {0}.', failed.join(', ')) : vscode.l10n.t('Not changed: {0}.', failed.join(', '));
    const details = vscode.l10n.t('Show Details');
    const shown =
        failed.length > 0
            ? vscode.window.showWarningMessage(vscode.l10n.t('{0} {1}', summary, notDone), details)
            : vscode.window.showInformationMessage(summary, details);
    void shown.then(async (choice) => {
        if (choice === details) {
            const [heading, intro] =
                mode === 'rotate'
                    ? [vscode.l10n.t('Rotate All for key "{0}"', keyName), vscode.l10n.t('Target: {0}', fleetTargetText(plan))]
                    : [vscode.l10n.t('Automatic rotation for key "{0}"', keyName), policy ? policyLine(policy, keyName) : ''];
            const content = [`# ${heading}`, '', intro, '', ...outcomes.map(outcomeLine)].join('\n');
            await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }));
        }
    });
}

/** A new version of the key they share (created once for all), or another key given by its identifier. */
export class FleetTargetStep extends AnswerPromptStep<RotateAllContext> {
    readonly question = 'key';

    protected clearAnswer(context: RotateAllContext): void {
        context.answers.target = undefined;
    }

    async prompt(context: RotateAllContext): Promise<void> {
        const count = context.key.users.length;
        const picks: IAzureQuickPickItem<FleetTarget['kind']>[] = [
            {
                label: vscode.l10n.t('New version of key "{0}"', context.key.keyName),
                detail: vscode.l10n.t('One new version is created in key vault "{0}" for all {1} registries.', context.key.vaultName, count),
                data: 'newVersion',
            },
            { label: vscode.l10n.t('Another key…'), detail: vscode.l10n.t('Enter the key identifier of a key in any key vault.'), data: 'existing' },
        ];
        context.answers.target = (
            await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Rotate the {0} registries using key "{1}" to…', count, context.key.keyName) })
        ).data;
    }

    shouldPrompt(context: RotateAllContext): boolean {
        return context.answers.target === undefined;
    }

    override async getSubWizard(context: RotateAllContext): Promise<IWizardOptions<RotateAllContext> | undefined> {
        return context.answers.target === 'existing' ? { promptSteps: [new KeyIdInputStep()] } : undefined;
    }
}
