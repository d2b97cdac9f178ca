// The extension under test, as the real extension host loads it, and the small test API `activate` returns.
import type { OnActionStartHandler } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';

export const extensionId = 'acr-cmk-team.acr-cmk';

export interface TreeRow {
    id?: string;
    label: string;
    description?: string;
    tooltip?: string;
    contextValue?: string;
    icon?: { id: string; color?: string };
    children?: TreeRow[];
}
/** The sidebar's side of the Azure Resources branch (`AcrCmkExtensionApi.sidebarBranch`): what the sidebar asks of it. */
export interface SidebarBranch {
    getResourceItem(resource: unknown): Promise<object>;
    getTreeItem(element: object): vscode.TreeItem;
    readonly onDidChangeTreeData: vscode.Event<object | undefined | null | void>;
}
export interface AcrCmkTestApi {
    getTreeSnapshot(): Promise<TreeRow[]>;
    refresh(): Promise<void>;
    readonly sidebarBranch: SidebarBranch;
    /** vscode-azext-utils' own, as the commands run with it (see runCommandWithInputs). */
    registerOnActionStartHandler(handler: OnActionStartHandler): vscode.Disposable;
}

export async function activateExtension(): Promise<AcrCmkTestApi> {
    const extension = vscode.extensions.getExtension<AcrCmkTestApi>(extensionId);
    if (!extension) throw new Error(`${extensionId} is not loaded in this extension host`);
    return extension.activate();
}
