import { type IActionContext, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { SubscriptionTarget } from '../../auth/SubscriptionSource';
import { defaultDeploymentName, deployTemplate, parseTemplateFile, readParameterValues } from '../../domain/create/template/deployTemplate';
import type { CommandServices } from '../CommandServices';
import { pickSubscription } from '../pickRegistry';
import { promptMissingParameters } from './promptMissingParameters';

/** Pre-filled input for scripted runs: any field given is not asked. */
export interface DeployTemplateInput {
    templateUri?: vscode.Uri | string;
    parametersUri?: vscode.Uri | string;
    subscriptionId?: string;
    resourceGroup?: string;
    deploymentName?: string;
}

/** "Deploy ARM Template": a template file (ours or the seed's CMKtemplate.json) deployed to a resource group, with progress. */
export async function deployTemplateCommand(context: IActionContext, services: CommandServices, arg?: unknown): Promise<string> {
    const input: DeployTemplateInput = arg instanceof vscode.Uri ? { templateUri: arg } : (arg && typeof arg === 'object' ? arg as DeployTemplateInput : {});
    const templateUri = toUri(input.templateUri) ?? await pickFile(context, vscode.l10n.t('Select the ARM template to deploy'));
    const template = parseTemplateFile(await readText(templateUri), templateUri.fsPath);
    const parametersUri = toUri(input.parametersUri) ?? (input.templateUri ? undefined : await pickOptionalParameters(context));
    const parameters = readParameterValues(parametersUri ? parseJson(await readText(parametersUri)) : undefined);
    const target = await subscriptionOf(context, services, input.subscriptionId);
    const resourceGroup = input.resourceGroup ?? await pickResourceGroup(context, target);
    const complete = await promptMissingParameters(context, template, parameters);
    const deploymentName = input.deploymentName ?? defaultDeploymentName();
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deploying "{0}" to resource group "{1}"…', deploymentName, resourceGroup) },
        () => deployTemplate(target.factory, { subscriptionId: target.subscriptionId, resourceGroup, deploymentName, template, parameters: complete }));
    await services.tree.refresh();
    void vscode.window.showInformationMessage(vscode.l10n.t('Deployment "{0}" succeeded.', deploymentName));
    return result.id;
}

function toUri(value: vscode.Uri | string | undefined): vscode.Uri | undefined {
    return typeof value === 'string' ? vscode.Uri.file(value) : value;
}

async function readText(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function parseJson(text: string): Record<string, unknown> {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

async function pickFile(context: IActionContext, title: string): Promise<vscode.Uri> {
    const [uri] = await context.ui.showOpenDialog({ title, canSelectMany: false, filters: { JSON: ['json'] } });
    return uri!;
}

async function pickOptionalParameters(context: IActionContext): Promise<vscode.Uri | undefined> {
    const picks: IAzureQuickPickItem<boolean>[] = [
        { label: vscode.l10n.t('Use a parameters file'), data: true },
        { label: vscode.l10n.t('Enter parameter values one by one'), data: false },
    ];
    const useFile = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Parameters of the template'), suppressPersistence: true })).data;
    return useFile ? pickFile(context, vscode.l10n.t('Select the parameters file')) : undefined;
}

async function subscriptionOf(context: IActionContext, services: CommandServices, subscriptionId: string | undefined): Promise<SubscriptionTarget> {
    if (!subscriptionId) {
        return pickSubscription(context, services);
    }
    const found = (await services.inventory.getSubscriptions()).find((target) => target.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
    if (!found) {
        throw new Error(vscode.l10n.t('Subscription {0} is not available with the current account and subscription filter.', subscriptionId));
    }
    return found;
}

async function pickResourceGroup(context: IActionContext, target: SubscriptionTarget): Promise<string> {
    const client = await target.factory.resources(target.subscriptionId);
    const picks: IAzureQuickPickItem<string>[] = [];
    for await (const group of client.resourceGroups.list()) {
        picks.push({ label: group.name ?? '', description: group.location, data: group.name ?? '' });
    }
    picks.sort((a, b) => a.label.localeCompare(b.label));
    return (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select the resource group to deploy to'), suppressPersistence: true })).data;
}
