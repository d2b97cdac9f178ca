import type { IActionContext } from '@microsoft/vscode-azext-utils';
import { DomainError } from '../../domain/errors';
import { getRegistry } from '../../domain/registries/getRegistry';
import type { RegistryNode } from '../../tree/RegistryNode';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';

/** "Node or pick", then a fresh GET: a rotation must start from the registry as it is now, and only for a CMK registry. */
export async function resolveCmkRegistry(context: IActionContext, services: CommandServices, arg: unknown): Promise<RegistryNode> {
    const node = await resolveRegistryNode(context, services, arg, { cmkOnly: true });
    context.valuesToMask.push(node.registry.id);
    node.registry = await getRegistry(node.factory, node.registry.id);
    if (node.registry.encryption.status !== 'enabled') {
        throw new DomainError('RegistryNotCmk', { registry: node.registry.name });
    }
    return node;
}
