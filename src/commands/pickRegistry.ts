import { UserCancelledError, type IActionContext, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { SubscriptionTarget } from '../auth/SubscriptionSource';
import { RegistryNode } from '../tree/RegistryNode';
import type { CommandServices } from './CommandServices';
import { DomainError } from '../domain/errors';

export interface PickRegistryOptions {
    /** Only registries encrypted with a customer-managed key (key identifier commands). */
    readonly cmkOnly?: boolean;
}

/**
 * "Node or pick": a tree node (ours or the Azure sidebar's) is used as is, a registry resource id string
 * (handy for tests and other extensions) is looked up, anything else asks for subscription then registry.
 */
export async function resolveRegistryNode(
    context: IActionContext,
    services: CommandServices,
    arg: unknown,
    options: PickRegistryOptions = {},
): Promise<RegistryNode> {
    if (arg instanceof RegistryNode) {
        return arg;
    }
    if (typeof arg === 'string' && arg.startsWith('/subscriptions/')) {
        const found = await services.inventory.findRegistry(arg);
        if (!found) {
            throw new DomainError('RegistryNotVisible', { id: arg });
        }
        return new RegistryNode(undefined, found.registry, found.target.factory, found.target.tenantId);
    }
    return pickRegistry(context, services, options);
}

export async function pickRegistry(context: IActionContext, services: CommandServices, options: PickRegistryOptions = {}): Promise<RegistryNode> {
    const target = await pickSubscription(context, services);
    const registries = (await services.inventory.getRegistries(target)).filter((registry) => !options.cmkOnly || registry.encryption.status === 'enabled');
    if (registries.length === 0) {
        throw new DomainError(options.cmkOnly ? 'SubscriptionHasNoCmkRegistries' : 'SubscriptionHasNoRegistries', { subscription: target.name });
    }
    const picks = registries.map((registry): IAzureQuickPickItem<typeof registry> => ({
        label: registry.name,
        description: registry.encryption.status === 'enabled' ? vscode.l10n.t('customer-managed key') : vscode.l10n.t('service-managed key'),
        detail: registry.resourceGroup,
        data: registry,
    }));
    const picked = await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select a container registry'), suppressPersistence: true });
    return new RegistryNode(undefined, picked.data, target.factory, target.tenantId);
}

export async function pickSubscription(context: IActionContext, services: CommandServices): Promise<SubscriptionTarget> {
    const subscriptions = await services.inventory.getSubscriptions();
    if (subscriptions.length === 0) {
        throw new DomainError('NoSubscriptions', {});
    }
    if (subscriptions.length === 1 && subscriptions[0]) {
        return subscriptions[0];
    }
    const picks = subscriptions.map((target): IAzureQuickPickItem<SubscriptionTarget> => ({
        label: target.name,
        description: target.subscriptionId,
        data: target,
    }));
    const picked = await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select a subscription') });
    if (!picked) {
        throw new UserCancelledError();
    }
    return picked.data;
}
