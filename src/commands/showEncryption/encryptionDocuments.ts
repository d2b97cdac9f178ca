import * as vscode from 'vscode';

/**
 * Read-only documents named after their registry ("contoso.encryption.json"), so the tab says whose encryption it
 * shows (an untitled document said "Untitled-1" and asked to be saved on close). Registered on first use.
 */
const scheme = 'acr-cmk-encryption';
const contents = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();
let provider: vscode.Disposable | undefined;

export async function openEncryptionDocument(registryName: string, registryId: string, content: string): Promise<void> {
    provider ??= vscode.workspace.registerTextDocumentContentProvider(scheme, {
        onDidChange: changed.event,
        provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '',
    });
    // The id keeps two registries of the same name (other subscriptions) apart; the path is what the tab shows.
    const uri = vscode.Uri.from({ scheme, path: `/${registryName}.encryption.json`, query: registryId.toLowerCase() });
    contents.set(uri.toString(), content);
    changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
}
