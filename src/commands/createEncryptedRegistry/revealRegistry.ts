import type { CommandServices } from '../CommandServices';

/** Re-lists the registry's subscription and selects the registry in the view. */
export async function revealRegistry(services: CommandServices, registryId: string): Promise<void> {
    await services.tree.revealRegistry(registryId);
}
