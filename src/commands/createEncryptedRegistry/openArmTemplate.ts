import { AzureWizardPromptStep, UserCancelledError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { buildArmTemplate } from '../../domain/create/template/armTemplate';
import { defaultDeploymentName, readParameterValues } from '../../domain/create/template/deployTemplate';
import { ensureResourceGroup } from '../../domain/resourceGroups/resourceGroups';
import { planOf, type CreateRegistryContext } from './CreateRegistryContext';
import { runTemplateDeployment } from '../deployTemplate/runTemplateDeployment';

/** Does what the user chose with the registry's template: save the two files, deploy it now, or open it unsaved. */
export async function exportArmTemplate(context: CreateRegistryContext): Promise<string | undefined> {
    const { exportAction: action } = context;
    const plan = planOf(context);
    const files = buildArmTemplate(plan, { existingVaultRbac: context.vaultInfo?.enableRbacAuthorization === true });
    const text = (content: Record<string, unknown>) => `${JSON.stringify(content, undefined, 2)}\n`;
    if (action === 'deploy') {
        const factory = context.subscription!.factory;
        const groupCreated = plan.resourceGroup.create && (await ensureResourceGroup(factory, plan.subscriptionId, plan.resourceGroup.name, plan.location));
        return runTemplateDeployment(
            context,
            factory,
            {
                subscriptionId: plan.subscriptionId,
                resourceGroup: plan.resourceGroup.name,
                deploymentName: defaultDeploymentName(),
                template: files.template,
                parameters: readParameterValues(files.parameters),
            },
            { groupCreated },
        );
    }
    let templateUri: vscode.Uri;
    let parametersUri: vscode.Uri;
    if (action === 'save') {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const chosen = await vscode.window.showSaveDialog({
            title: vscode.l10n.t('Save the ARM template of registry "{0}" (its parameters file is saved next to it)', plan.registry.name),
            defaultUri: folder ? vscode.Uri.joinPath(folder, `${plan.registry.name}.template.json`) : undefined,
            filters: { JSON: ['json'] },
        });
        if (!chosen) {
            throw new UserCancelledError('exportSave');
        }
        templateUri = chosen;
        parametersUri = chosen.with({ path: chosen.path.replace(/(\.template)?(\.json)?$/i, '.parameters.json') });
        await vscode.workspace.fs.writeFile(templateUri, new TextEncoder().encode(text(files.template)));
        await vscode.workspace.fs.writeFile(parametersUri, new TextEncoder().encode(text(files.parameters)));
        await vscode.window.showTextDocument(templateUri, { preview: false });
    } else {
        const parameters = await vscode.workspace.openTextDocument({ language: 'json', content: text(files.parameters) });
        await vscode.window.showTextDocument(parameters, { preview: false });
        const template = await vscode.workspace.openTextDocument({ language: 'json', content: text(files.template) });
        await vscode.window.showTextDocument(template, { preview: false });
        [templateUri, parametersUri] = [template.uri, parameters.uri];
    }
    const deploy = vscode.l10n.t('Deploy…');
    const message =
        action === 'save'
            ? vscode.l10n.t(
                  'Saved the ARM template of registry "{0}" as {1} and its parameters as {2}.',
                  plan.registry.name,
                  vscode.workspace.asRelativePath(templateUri),
                  vscode.workspace.asRelativePath(parametersUri),
              )
            : vscode.l10n.t('Opened the ARM template of registry "{0}" and its parameters, not saved.', plan.registry.name);
    void vscode.window.showInformationMessage(message, deploy).then((choice) => {
        if (choice === deploy) {
            void vscode.commands.executeCommand('acrCmk.deployTemplate', { templateUri, parametersUri, subscriptionId: plan.subscriptionId });
        }
    });
    return undefined;
}

/** After the summary's "Export ARM Template…": save the two files, deploy the template now, or open it unsaved. */
export class ExportChoiceStep extends AzureWizardPromptStep<CreateRegistryContext> {
    /** A modal that follows the summary's answer, not a question of its own: it never changes the count. */
    readonly uncounted = true;

    async prompt(context: CreateRegistryContext): Promise<void> {
        const save: vscode.MessageItem = { title: vscode.l10n.t('Save Template Files…') };
        const deploy: vscode.MessageItem = { title: vscode.l10n.t('Deploy Now') };
        const open: vscode.MessageItem = { title: vscode.l10n.t('Open Without Saving') };
        const group = context.resourceGroup?.name ?? '';
        const choice = await context.ui.showWarningMessage(
            vscode.l10n.t('Export the ARM template of registry "{0}"', context.registryName ?? ''),
            {
                modal: true,
                detail: [
                    vscode.l10n.t(
                        'The template and its parameters file deploy into resource group "{0}"; a key vault in another resource group or subscription gets its key access through a nested deployment there.',
                        group,
                    ),
                    vscode.l10n.t(
                        'Save Template Files… writes both files; Deploy Now deploys the template to resource group "{0}" at once; Open Without Saving opens both as unsaved editors (Deploy ARM Template can deploy them as they are).',
                        group,
                    ),
                ].join('\n\n'),
            },
            save,
            deploy,
            open,
        );
        context.exportAction = choice === save ? 'save' : choice === deploy ? 'deploy' : choice === open ? 'open' : undefined;
        if (!context.exportAction) {
            throw new UserCancelledError('exportChoice');
        }
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.exportChosen === true && !context.exportAction;
    }
}
