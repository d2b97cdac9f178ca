import * as vscode from 'vscode';

/**
 * The subscription filter: our own `acrCmk.selectedSubscriptions` when set, else the Azure sidebar's
 * `azureResourceGroups.selectedSubscriptions` (entries `tenantId/subscriptionId`), so both views agree by default.
 */
export function readSubscriptionFilter(): string[] {
    const own = vscode.workspace.getConfiguration('acrCmk').get<string[]>('selectedSubscriptions') ?? [];
    if (own.length > 0) {
        return own;
    }
    return vscode.workspace.getConfiguration('azureResourceGroups').get<string[]>('selectedSubscriptions') ?? [];
}

export async function writeSubscriptionFilter(entries: string[]): Promise<void> {
    await vscode.workspace.getConfiguration('acrCmk').update('selectedSubscriptions', entries, vscode.ConfigurationTarget.Global);
}
