import type { RegistrySummary } from '../../domain/registries/RegistryEncryption';
import { KeyUserNode } from '../../keysView/keyNodes';
import { EncryptionDetailNode } from '../../tree/EncryptionDetailNode';
import { RegistryNode } from '../../tree/RegistryNode';

/**
 * The registry a blast-radius command was run on: a registry row, one of its encryption detail rows (vault, key,
 * identity) in the Registries view, or a registry row of the Keys view. Undefined for anything else (then it asks).
 */
export function registryRowOf(arg: unknown): RegistryNode | undefined {
    if (arg instanceof EncryptionDetailNode && arg.parent instanceof RegistryNode) {
        return arg.parent;
    }
    return arg instanceof RegistryNode ? arg : undefined;
}

export function registryOf(arg: unknown): RegistrySummary | undefined {
    return arg instanceof KeyUserNode ? arg.user.registry : registryRowOf(arg)?.registry;
}
