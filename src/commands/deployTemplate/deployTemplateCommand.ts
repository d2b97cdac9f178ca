import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CommandServices } from '../CommandServices';
import { FlowWizard } from '../wizard/FlowWizard';
import { ResourceGroupPickStep, type ResourceGroupPicker } from '../wizard/pickers/ResourceGroupPickStep';
import { SubscriptionPickStep } from '../wizard/SubscriptionPickStep';
import type { DeployTemplateContext } from './DeployTemplateContext';
import { DeploySummaryStep } from './DeploySummaryStep';
import { ParametersStep, TemplateFileStep } from './documentSteps';
import { ParameterValuesStep } from './ParameterValuesStep';
import { runTemplateDeployment } from './runTemplateDeployment';
import { readParameters, readTemplate, toDocument } from './templateDocuments';
import { DomainError } from '../../domain/errors';

/** Pre-filled input for scripted runs and for Export's "Deploy…": any field given is not asked. */
export interface DeployTemplateInput {
    templateUri?: vscode.Uri | string;
    parametersUri?: vscode.Uri | string;
    subscriptionId?: string;
    resourceGroup?: string;
    deploymentName?: string;
}

/**
 * "Deploy ARM Template" as a titled wizard: template → parameters (and the values they lack) → subscription → resource group →
 * the summary (Deploy), then the deployment with progress and the notification that ends it.
 */
export async function deployTemplateCommand(actionContext: IActionContext, services: CommandServices, arg?: unknown): Promise<string> {
    const input: DeployTemplateInput = arg instanceof vscode.Uri ? { templateUri: arg } : arg && typeof arg === 'object' ? (arg as DeployTemplateInput) : {};
    const context: DeployTemplateContext = Object.assign(actionContext, {
        services,
        resourceGroup: input.resourceGroup || undefined,
        deploymentName: input.deploymentName || undefined,
    });
    if (input.templateUri) {
        context.templateDocument = toDocument(input.templateUri);
        context.template = await readTemplate(context.templateDocument);
    }
    if (input.parametersUri) {
        const document = toDocument(input.parametersUri);
        context.parameters = await readParameters(document);
        context.parametersSource = document;
    }
    if (input.subscriptionId) {
        context.subscription = (await services.inventory.getSubscriptions()).find(
            (target) => target.subscriptionId.toLowerCase() === input.subscriptionId!.toLowerCase(),
        );
        if (!context.subscription) {
            throw new DomainError('SubscriptionNotAvailable', { subscription: input.subscriptionId });
        }
    }
    const wizard = new FlowWizard(context, {
        title: vscode.l10n.t('Deploy ARM Template'),
        promptSteps: [
            new TemplateFileStep(),
            new ParametersStep(),
            new ParameterValuesStep(),
            new SubscriptionPickStep(),
            new ResourceGroupPickStep(deployResourceGroupPicker),
            new DeploySummaryStep(),
        ],
    });
    await wizard.prompt();
    return runTemplateDeployment(context, context.subscription!.factory, {
        subscriptionId: context.subscription!.subscriptionId,
        resourceGroup: context.resourceGroup!,
        deploymentName: context.deploymentName!,
        template: context.template!,
        parameters: context.parameters ?? {},
    });
}

/** An existing group of the subscription picked before: the template's resources go there. */
const deployResourceGroupPicker: ResourceGroupPicker<DeployTemplateContext> = {
    where: (context) => context.subscription!,
    purpose: 'deployment',
    answered: (context) => !!context.resourceGroup,
    answer: (context, group) => {
        context.resourceGroup = group && !group.create ? group.name : undefined;
    },
};
