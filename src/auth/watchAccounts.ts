import * as vscode from 'vscode';

const microsoftProviders = ['microsoft', 'microsoft-sovereign-cloud'];

/**
 * Calls `changed` when an account signs in to or out of VS Code's Microsoft providers (the Accounts menu, another
 * extension's sign-in): the view must follow at once. Session events that leave the accounts as they were (a token
 * for one more scope) are ignored, so a flow asking for a Key Vault token does not reload the view.
 */
export function watchMicrosoftAccounts(isActive: () => boolean, changed: () => void): vscode.Disposable {
    const known = new Map<string, string>();
    const accountsOf = async (providerId: string) =>
        (await vscode.authentication.getAccounts(providerId))
            .map((account) => account.id)
            .sort()
            .join('\n');
    if (isActive()) {
        for (const providerId of microsoftProviders) {
            void accountsOf(providerId).then(
                (accounts) => known.set(providerId, accounts),
                () => undefined,
            );
        }
    }
    return vscode.authentication.onDidChangeSessions(async (event) => {
        if (!microsoftProviders.includes(event.provider.id) || !isActive()) {
            return;
        }
        const accounts = await accountsOf(event.provider.id).catch(() => undefined);
        if (accounts === undefined || accounts !== known.get(event.provider.id)) {
            known.set(event.provider.id, accounts ?? '');
            changed();
        }
    });
}
