import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { portalResourceUrl } from '../../domain/registries/portalUrl';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';

/** Opens the registry in the portal of the configured cloud. Returns the URL. */
export async function openInPortal(context: IActionContext, services: CommandServices, arg?: unknown): Promise<string> {
    const node = await resolveRegistryNode(context, services, arg);
    const url = portalResourceUrl(node.cloud, node.registry.id, node.tenantId);
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
    return url;
}
