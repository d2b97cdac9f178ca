import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CommandServices } from '../CommandServices';

/** Signs in with the configured credential; headless credentials explain what to do instead. */
export async function signIn(_context: IActionContext, services: CommandServices): Promise<boolean> {
    const source = await services.session.getSource();
    if (source.kind === 'azureCli') {
        void vscode.window.showInformationMessage(
            vscode.l10n.t('The "azureCli" credential uses the Azure CLI login: run "az login" in a terminal, then refresh.'),
        );
    } else if (source.kind === 'environment') {
        void vscode.window.showInformationMessage(
            vscode.l10n.t(
                'The "environment" credential uses AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET from the environment VS Code was started in.',
            ),
        );
    }
    const signedIn = await source.signIn();
    await services.tree.refresh();
    return signedIn;
}
