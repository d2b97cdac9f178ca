import type { Workspace } from '@azure/arm-operationalinsights';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { parseResourceId } from '../util/resourceId';
import { unlessNotFound } from './azureErrors';

// Log Analytics workspaces (Microsoft.OperationalInsights/workspaces): where diagnostic settings send logs.

export async function* workspacesIn(factory: AzureClientFactory, subscriptionId: string): AsyncIterable<Workspace> {
    yield* (await factory.operationalInsights(subscriptionId)).workspaces.list();
}

/** One workspace by its resource id, or undefined when it no longer exists. */
export async function readWorkspace(factory: AzureClientFactory, workspaceId: string): Promise<Workspace | undefined> {
    const ref = parseResourceId(workspaceId);
    return unlessNotFound((async () => (await factory.operationalInsights(ref.subscriptionId)).workspaces.get(ref.resourceGroup, ref.name))());
}
