import type { SubscriptionTarget } from '../../auth/SubscriptionSource';
import { SubscriptionNode } from '../../tree/SubscriptionNode';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { DomainError } from '../../domain/errors';

/** A subscription node (right-click) or a pre-filled subscription id; otherwise the wizard asks. */
export async function resolveSubscription(context: CreateRegistryContext, arg: unknown): Promise<SubscriptionTarget | undefined> {
    if (arg instanceof SubscriptionNode) {
        return arg.target;
    }
    if (!context.subscriptionId) {
        return undefined;
    }
    const wanted = context.subscriptionId.toLowerCase();
    const found = (await context.services.inventory.getSubscriptions()).find((target) => target.subscriptionId.toLowerCase() === wanted);
    if (!found) {
        throw new DomainError('SubscriptionNotAvailable', { subscription: context.subscriptionId });
    }
    return found;
}
