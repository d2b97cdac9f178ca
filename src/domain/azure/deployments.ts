import type { Deployment, DeploymentExtended, DeploymentOperation, DeploymentValidateResult } from '@azure/arm-resourcesdeployments';
import type { AzureClientFactory, DeploymentsClient } from '../clients/AzureClientFactory';

// Resource group deployments (Microsoft.Resources/deployments) and their operations.

export interface DeploymentRef {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly deploymentName: string;
}

/** Resource Manager's preflight validation: what the template would deploy, or Azure's refusal. Nothing is deployed. */
export async function validateDeployment(factory: AzureClientFactory, ref: DeploymentRef, deployment: Deployment): Promise<DeploymentValidateResult> {
    return (await factory.deployments(ref.subscriptionId)).deployments.validate(ref.resourceGroup, ref.deploymentName, deployment);
}

/** Sends the deployment; the poller (wrapped: awaiting a poller waits for its end) says when Azure accepted it and when it ended. */
export async function startDeployment(
    factory: AzureClientFactory,
    ref: DeploymentRef,
    deployment: Deployment,
): Promise<{ poller: ReturnType<DeploymentsClient['deployments']['createOrUpdate']> }> {
    return {
        poller: (await factory.deployments(ref.subscriptionId)).deployments.createOrUpdate(
            ref.resourceGroup,
            ref.deploymentName,
            deployment,
            factory.pollOptions,
        ),
    };
}

export async function readDeployment(factory: AzureClientFactory, ref: DeploymentRef): Promise<DeploymentExtended> {
    return (await factory.deployments(ref.subscriptionId)).deployments.get(ref.resourceGroup, ref.deploymentName);
}

export async function* deploymentOperationsOf(factory: AzureClientFactory, ref: DeploymentRef): AsyncIterable<DeploymentOperation> {
    yield* (await factory.deployments(ref.subscriptionId)).deploymentOperations.list(ref.resourceGroup, ref.deploymentName);
}
