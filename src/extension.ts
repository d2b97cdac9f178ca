import { createAzExtOutputChannel, registerUIExtensionVariables } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { AzureSession, filterSettings, sessionSettings } from './auth/AzureSession';
import { registerAzureResourcesBranch } from './azureResources/registerAzureResourcesBranch';
import { registerCommands } from './commands/registerCommands';
import { RegistryInventory } from './tree/RegistryInventory';
import { RegistryTreeDataProvider } from './tree/RegistryTreeDataProvider';
import { snapshotTree, type TreeSnapshotNode } from './tree/treeSnapshot';

/**
 * What `activate` returns (`vscode.extensions.getExtension('acr-cmk-team.acr-cmk').exports`), kept small for tests:
 * - `getTreeSnapshot()` expands the whole `acrCmk.registries` tree through the same data provider VS Code uses and
 *   returns every row as plain data: label, description, tooltip (markdown text), contextValue, icon id + colour id, children.
 * - `refresh()` drops all cached subscriptions/registries and reloads the view (resolves once the caches are cleared;
 *   the next `getTreeSnapshot()` lists again).
 */
export interface AcrCmkExtensionApi {
    getTreeSnapshot(): Promise<TreeSnapshotNode[]>;
    refresh(): Promise<void>;
}

// Activation only registers things: no @azure/* module is loaded until the first Azure call (see AzureClientFactory).
export function activate(context: vscode.ExtensionContext): AcrCmkExtensionApi {
    const outputChannel = createAzExtOutputChannel(vscode.l10n.t('Azure Container Registry Keys'), 'acrCmk');
    context.subscriptions.push(outputChannel);
    registerUIExtensionVariables({ context, outputChannel });

    const session = new AzureSession(undefined);
    const inventory = new RegistryInventory(() => session.listSubscriptions());
    const tree = new RegistryTreeDataProvider(session, inventory);
    const view = vscode.window.createTreeView('acrCmk.registries', { treeDataProvider: tree, showCollapseAll: true });
    tree.view = view;
    context.subscriptions.push(session, view);
    registerCommands({ session, inventory, tree, globalState: context.globalState });

    context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
        const sessionChanged = sessionSettings.some((setting) => event.affectsConfiguration(setting));
        if (sessionChanged) {
            session.reset();
        }
        if (sessionChanged || filterSettings.some((setting) => event.affectsConfiguration(setting))) {
            void tree.refresh();
        }
    }));

    let loggedSidebar = false;
    void registerAzureResourcesBranch(context, (message) => {
        if (!loggedSidebar) {
            loggedSidebar = true;
            outputChannel.appendLog(message);
        }
    });

    return {
        getTreeSnapshot: () => snapshotTree(tree),
        refresh: () => tree.refresh(),
    };
}

export function deactivate(): void {
    // Disposables registered on the context are released by VS Code.
}

// tas-client (pulled in by vscode-azext-utils) ships a UMD file inside a `"type": "module"` package, so esbuild leaves its
// `module.exports = factory()` pointing at the bundle's own module: by the time this line runs it has replaced our exports.
// Putting them back here (after every import has initialised) is what lets VS Code find `activate`.
// (Reached through require.cache: a bare `module` in an ES module makes esbuild warn.)
const entryModule = require.cache[__filename];
if (entryModule && (entryModule.exports as { activate?: unknown }).activate !== activate) {
    entryModule.exports = { activate, deactivate };
}
