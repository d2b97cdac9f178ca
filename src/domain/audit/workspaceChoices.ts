import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { workspacesIn } from '../azure/workspaces';
import { collect } from '../util/collect';

/** A Log Analytics workspace the vault's audit logs can go to. */
export interface WorkspaceChoice {
    readonly id: string;
    readonly name: string;
    readonly resourceGroup: string;
    readonly location: string;
}

const groupOf = (id: string): string => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';

/** The subscription's workspaces that can take logs now (provisioned), by name. */
export async function workspaceChoices(factory: AzureClientFactory, subscriptionId: string): Promise<WorkspaceChoice[]> {
    const all = await collect(workspacesIn(factory, subscriptionId));
    return all
        .filter((workspace) => !!workspace.id && (workspace.provisioningState ?? 'Succeeded') === 'Succeeded')
        .map((workspace) => ({ id: workspace.id!, name: workspace.name ?? '', resourceGroup: groupOf(workspace.id!), location: workspace.location ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name));
}
