import type { OnActionStartHandler } from '@microsoft/vscode-azext-utils';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AzureSession, filterSettings, sessionSettings } from './auth/AzureSession';
import { watchMicrosoftAccounts } from './auth/watchAccounts';
import { AzExtRuntime } from './azext/AzExtRuntime';
import { RegistryBranchDataProvider } from './azureResources/RegistryBranchDataProvider';
import { registerAzureResourcesBranch } from './azureResources/registerAzureResourcesBranch';
import { registerCommands } from './commands/registerCommands';
import { FileJournalStore } from './domain/engine/JournalStore';
import { KeysTreeDataProvider } from './keysView/KeysTreeDataProvider';
import { RegistryInventory } from './tree/RegistryInventory';
import { RegistryTreeDataProvider } from './tree/RegistryTreeDataProvider';
import { snapshotTree, type TreeSnapshotNode } from './tree/treeSnapshot';

/**
 * What `activate` returns (`vscode.extensions.getExtension('acr-cmk-team.acr-cmk').exports`), kept small for tests:
 * - `getTreeSnapshot()` expands the whole `acrCmk.registries` tree through the same data provider VS Code uses and
 *   returns every row as plain data: label, description, tooltip (markdown text), contextValue, icon id + colour id, children.
 * - `refresh()` drops all cached subscriptions/registries and reloads the view (resolves once the caches are cleared;
 *   the next `getTreeSnapshot()` lists again).
 * - `sidebarBranch`: the branch of the Azure Resources sidebar (the object registered with it when that extension is
 *   installed, following this view's state either way), so a test can ask for its items as the sidebar does.
 * - `registerOnActionStartHandler` is vscode-azext-utils' own (the copy the commands run with): a test sets the
 *   `ui` of its command's action context to a TestUserInput and answers the real prompts (azext-utils' model).
 */
export interface AcrCmkExtensionApi {
    getTreeSnapshot(): Promise<TreeSnapshotNode[]>;
    refresh(): Promise<void>;
    readonly sidebarBranch: RegistryBranchDataProvider;
    registerOnActionStartHandler(handler: OnActionStartHandler): vscode.Disposable;
}

// Activation only registers things. No @azure/* module is loaded until the first Azure call (see AzureClientFactory),
// and vscode-azext-utils, the command implementations and the wizards until the first command or tree load (AzExtRuntime).
export function activate(context: vscode.ExtensionContext): AcrCmkExtensionApi {
    const azExt = new AzExtRuntime(context, vscode.l10n.t('Azure Container Registry Keys'));
    const session = new AzureSession(undefined);
    const inventory = new RegistryInventory(() => session.listSubscriptions());
    const tree = new RegistryTreeDataProvider(session, inventory, azExt);
    const view = vscode.window.createTreeView('acrCmk.registries', { treeDataProvider: tree, showCollapseAll: true });
    tree.view = view;
    const keys = new KeysTreeDataProvider(session, tree.onDidChangeRegistries, azExt);
    const keysView = vscode.window.createTreeView('acrCmk.keys', { treeDataProvider: keys, showCollapseAll: true });
    keys.view = keysView;
    context.subscriptions.push(session, view, keys, keysView);
    // Journals of flows in progress live in the global storage folder (one file per run), shared by every window.
    const journal = new FileJournalStore(path.join(context.globalStorageUri.fsPath, 'journal'));
    registerCommands({ session, inventory, tree, keys, globalState: context.globalState, journal }, azExt, context.subscriptions);

    context.subscriptions.push(
        vscode.workspace.onDidChangeConfiguration((event) => {
            const sessionChanged = sessionSettings.some((setting) => event.affectsConfiguration(setting));
            if (sessionChanged) {
                session.reset();
            }
            if (sessionChanged || filterSettings.some((setting) => event.affectsConfiguration(setting))) {
                void tree.refresh();
            }
        }),
    );

    const usesVSCodeAccount = () => vscode.workspace.getConfiguration('acrCmk').get<string>('credential', 'vscode') === 'vscode';
    context.subscriptions.push(
        watchMicrosoftAccounts(usesVSCodeAccount, () => {
            session.reset();
            void tree.refresh();
        }),
    );

    const sidebarBranch = new RegistryBranchDataProvider(azExt, tree);
    context.subscriptions.push(sidebarBranch);
    let loggedSidebar = false;
    void registerAzureResourcesBranch(context, sidebarBranch, (message) => {
        if (!loggedSidebar) {
            loggedSidebar = true;
            azExt.outputChannel.appendLog(message);
        }
    });

    return {
        getTreeSnapshot: () => snapshotTree(tree),
        refresh: () => tree.refresh(),
        sidebarBranch,
        registerOnActionStartHandler: (handler) => onActionStart(azExt, handler),
    };
}

/**
 * Registers once vscode-azext-utils is loaded (it stays unloaded until then). A command started after this call
 * awaits the same load after it, so its action context meets the handler.
 */
function onActionStart(azExt: AzExtRuntime, handler: OnActionStartHandler): vscode.Disposable {
    let disposed = false;
    let registered: vscode.Disposable | undefined;
    void azExt.load().then((utils) => {
        if (!disposed) {
            registered = utils.registerOnActionStartHandler(handler);
        }
    });
    return new vscode.Disposable(() => {
        disposed = true;
        registered?.dispose();
    });
}

export function deactivate(): void {
    // Disposables registered on the context are released by VS Code.
}
