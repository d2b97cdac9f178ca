import type { IActionContext } from '@microsoft/vscode-azext-utils';
import { assertMayChangeRegistry } from '../../domain/access/callerPermissions';
import { DomainError } from '../../domain/errors';
import { getRegistry } from '../../domain/registries/getRegistry';
import type { RegistryNode } from '../../tree/RegistryNode';
import type { CommandServices } from '../CommandServices';
import { resolveRegistryNode } from '../pickRegistry';

/**
 * "Node or pick", then a fresh GET: a change of encryption must start from the registry as it is now, only for a CMK
 * registry, and only when the account's roles allow changing it (checked before any question is asked).
 */
export async function resolveCmkRegistry(context: IActionContext, services: CommandServices, arg: unknown): Promise<RegistryNode> {
    const node = await resolveRegistryNode(context, services, arg, { cmkOnly: true });
    context.valuesToMask.push(node.registry.id);
    node.registry = await getRegistry(node.factory, node.registry.id);
    if (node.registry.encryption.status !== 'enabled') {
        throw new DomainError('RegistryNotCmk', { registry: node.registry.name });
    }
    await assertMayChangeRegistry(node.factory, node.registry.id);
    return node;
}
