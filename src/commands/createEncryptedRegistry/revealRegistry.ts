import type { CommandServices } from '../CommandServices';
import { RegistryNode } from '../../tree/RegistryNode';
import { SubscriptionNode } from '../../tree/SubscriptionNode';

/** Reloads the subscription and selects the new registry in the view (walking the same nodes VS Code shows). */
export async function revealRegistry(services: CommandServices, registryId: string): Promise<void> {
    const subscriptionId = registryId.split('/')[2]?.toLowerCase();
    const subscription = (await services.tree.getChildren()).find((node): node is SubscriptionNode =>
        node instanceof SubscriptionNode && node.target.subscriptionId.toLowerCase() === subscriptionId);
    if (!subscription) {
        await services.tree.refresh();
        return;
    }
    await services.tree.refresh(subscription);
    const registry = (await services.tree.getChildren(subscription)).find((node) => node instanceof RegistryNode && node.registry.id.toLowerCase() === registryId.toLowerCase());
    if (registry && services.tree.view?.visible) {
        await services.tree.view.reveal(registry, { select: true, focus: false });
    }
}
