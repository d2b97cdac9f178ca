import * as vscode from 'vscode';
import { buildArmTemplate } from '../../domain/create/template/armTemplate';
import type { CreateRegistryContext } from '../createEncryptedRegistry/CreateRegistryContext';

/** Opens the template and its parameters file as two unsaved JSON documents (the user saves them where they like). */
export async function openArmTemplate(context: CreateRegistryContext): Promise<void> {
    const { versionless, vaultInfo, location } = context;
    // Offered at the summary, when every answer is there.
    const [registryName, identity, vault, key] = [context.registryName!, context.identity!, context.vault!, context.key!];
    const vaultName = vault.kind === 'new' ? vault.name : vaultInfo?.name ?? vault.id.split('/').pop() ?? '';
    const suffix = context.subscription!.factory.cloud.keyVaultDnsSuffix;
    const version = key.kind === 'existing' && key.version && versionless === false ? `/${key.version}` : '';
    const files = buildArmTemplate({
        registryName, identity, location,
        vault: { name: vaultName, rbac: vault.kind === 'new' ? vault.permissionModel === 'rbac' : vaultInfo?.enableRbacAuthorization === true },
        keyIdentifier: `https://${vaultName}.${suffix}/keys/${key.name}${version}`,
    });
    for (const content of [files.parameters, files.template]) {
        const document = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(content, undefined, 2) });
        await vscode.window.showTextDocument(document, { preview: false });
    }
}
