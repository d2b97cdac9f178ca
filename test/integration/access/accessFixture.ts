import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { startEmulatorWorld, type EmulatorWorld } from '../domain/emulatorWorld';

export const location = 'eastus';

/** A world with one factory bound to the emulator's service principal, and helpers to make resources through real SDK clients. */
export async function startAccessWorld(): Promise<{ world: EmulatorWorld; factory: AzureClientFactory; subscriptionId: string; subscriptionIds: string[] }> {
    const world = await startEmulatorWorld({});
    const targets = await world.source.listAllSubscriptions();
    const target = targets[0];
    if (!target) {
        throw new Error('the emulator has no subscription');
    }
    return { world, factory: target.factory, subscriptionId: target.subscriptionId, subscriptionIds: targets.map((t) => t.subscriptionId) };
}

export async function makeGroup(factory: AzureClientFactory, subscriptionId: string, name: string): Promise<void> {
    await (await factory.resources(subscriptionId)).resourceGroups.createOrUpdate(name, { location });
}

export async function makeIdentity(
    factory: AzureClientFactory,
    subscriptionId: string,
    group: string,
    name: string,
): Promise<{ id: string; principalId: string; clientId: string }> {
    const identity = await (await factory.managedIdentities(subscriptionId)).userAssignedIdentities.createOrUpdate(group, name, { location });
    return { id: identity.id ?? '', principalId: identity.principalId ?? '', clientId: identity.clientId ?? '' };
}

export async function makeVault(
    factory: AzureClientFactory,
    subscriptionId: string,
    group: string,
    name: string,
    properties: Record<string, unknown> = {},
): Promise<string> {
    const tenantId = factory.cloud.tenantId ?? '';
    const vault = await (
        await factory.keyVaultManagement(subscriptionId)
    ).vaults.createOrUpdate(group, name, {
        location,
        properties: {
            tenantId,
            sku: { family: 'A', name: 'standard' },
            accessPolicies: [],
            enableRbacAuthorization: false,
            enableSoftDelete: true,
            enablePurgeProtection: true,
            ...properties,
        },
    });
    return vault.id ?? '';
}
