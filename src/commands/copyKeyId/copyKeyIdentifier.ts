import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';
import { DomainError } from '../../domain/errors';

/** Copies the key identifier as configured on the registry (versionless when rotation is automatic). Returns it. */
export const copyKeyIdentifier = (context: IActionContext, services: CommandServices, arg?: unknown): Promise<string> =>
    copy(context, services, arg, 'configured');

/** Copies the identifier of the key version currently in use (`versionedKeyIdentifier`). Returns it. */
export const copyVersionedKeyIdentifier = (context: IActionContext, services: CommandServices, arg?: unknown): Promise<string> =>
    copy(context, services, arg, 'versioned');

async function copy(context: IActionContext, services: CommandServices, arg: unknown, which: 'configured' | 'versioned'): Promise<string> {
    const node = await resolveRegistryNode(context, services, arg, { cmkOnly: true });
    const state = node.registry.encryption;
    if (state.status !== 'enabled') {
        throw new DomainError('RegistryHasNoKeyIdentifier', { registry: node.registry.name });
    }
    const value = which === 'configured' ? state.keyIdentifier : (state.versionedKeyIdentifier ?? (state.key?.version ? state.keyIdentifier : undefined));
    if (!value) {
        throw new DomainError('RegistryHasNoVersionedKeyId', { registry: node.registry.name });
    }
    await vscode.env.clipboard.writeText(value);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied to the clipboard: {0}', value));
    return value;
}
