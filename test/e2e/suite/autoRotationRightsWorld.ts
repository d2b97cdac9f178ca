// What the automatic-rotation permission tests need around the command: their own resource group, access-policy
// vault, key, identity and pinned CMK registry (made with the harness's service principal, the one the extension
// signs in with) and the vault's key state from the emulator.
import * as assert from 'node:assert/strict';
import { callerObjectId } from '../../../src/domain/access/callerObjectId';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { getEmulatorJson } from '../emulatorState';

/** What the signed-in principal may do on the new vault: create and read keys, nothing about rotation policies. */
export const createRights = ['get', 'list', 'create', 'update'];

export interface RightsWorld {
    vaultId: string;
    vaultUri: string;
    keyName: string;
    registryId: string;
    callerId: string;
    identityPrincipalId: string;
}

export async function createRightsWorld(factory: AzureClientFactory, subscriptionId: string, suffix: string): Promise<RightsWorld> {
    const group = `rg-dar-${suffix}`;
    const tenantId = factory.cloud.tenantId ?? '';
    const callerId = await callerObjectId(factory.connection);
    await (await factory.resources(subscriptionId)).resourceGroups.createOrUpdate(group, { location: 'eastus' });
    const vaults = (await factory.keyVaultManagement(subscriptionId)).vaults;
    const vault = await vaults.beginCreateOrUpdateAndWait(
        group,
        `kv-dar-${suffix}`,
        {
            location: 'eastus',
            properties: {
                tenantId,
                sku: { family: 'A', name: 'standard' },
                enableSoftDelete: true,
                enablePurgeProtection: true,
                enableRbacAuthorization: false,
                accessPolicies: [{ tenantId, objectId: callerId, permissions: { keys: createRights } }],
            },
        },
        { updateIntervalInMs: 50 },
    );
    const vaultUri = vault.properties.vaultUri!.replace(/\/+$/, '');
    const keyName = 'dar-key';
    const key = await (await factory.keys(vaultUri)).createRsaKey(keyName, { keySize: 2048 });
    const identity = await (
        await factory.managedIdentities(subscriptionId)
    ).userAssignedIdentities.createOrUpdate(group, `id-dar-${suffix}`, { location: 'eastus' });
    await vaults.updateAccessPolicy(group, vault.name!, 'add', {
        properties: { accessPolicies: [{ tenantId, objectId: identity.principalId!, permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] } }] },
    });
    const registry = await (
        await factory.containerRegistry(subscriptionId)
    ).registries.beginCreateAndWait(
        group,
        `darrights${suffix}`,
        {
            location: 'eastus',
            sku: { name: 'Premium' },
            identity: { type: 'UserAssigned', userAssignedIdentities: { [identity.id!]: {} } },
            encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: key.id!, identity: identity.clientId! } },
        },
        { updateIntervalInMs: 50 },
    );
    assert.match(key.id!, /\/keys\/dar-key\/[0-9a-f]{32}$/, 'the registry is pinned to a key version');
    return { vaultId: vault.id!, vaultUri, keyName, registryId: registry.id!, callerId, identityPrincipalId: identity.principalId! };
}

interface KeyState {
    rotationPolicy?: { lifetimeActions: { trigger: { timeAfterCreate?: string; timeBeforeExpiry?: string }; action: { type: string } }[] };
}
interface VaultState {
    properties: { accessPolicies: { objectId: string; permissions: { keys?: string[] } }[] };
    keys: Record<string, KeyState>;
}
interface RegistryState {
    encryption: { status: string; keyVaultProperties?: { keyIdentifier: string; versionedKeyIdentifier: string; identity: string } };
}
interface RightsState {
    vaults: Record<string, VaultState>;
    registries: Record<string, RegistryState>;
}

/** The emulator's ground truth for the world: registry encryption, key permissions per object id, the key's rotation policy. */
export async function rightsState(world: RightsWorld) {
    const state = await getEmulatorJson<RightsState>('state');
    const vault = state.vaults[world.vaultId.toLowerCase()];
    assert.ok(vault, `vault ${world.vaultId} is in the emulator state`);
    const keysOf = (objectId: string) =>
        vault.properties.accessPolicies
            .filter((p) => p.objectId.toLowerCase() === objectId.toLowerCase())
            .flatMap((p) => p.permissions.keys ?? [])
            .map((k) => k.toLowerCase())
            .sort();
    const policy = vault.keys[world.keyName.toLowerCase()]?.rotationPolicy;
    return {
        encryption: state.registries[world.registryId.toLowerCase()]?.encryption,
        callerKeys: keysOf(world.callerId),
        identityKeys: keysOf(world.identityPrincipalId),
        /** [action, ISO-8601 duration] per lifetime action; undefined while no policy was written. */
        rotationPolicy: policy?.lifetimeActions.map((a) => [a.action.type.toLowerCase(), a.trigger.timeAfterCreate ?? a.trigger.timeBeforeExpiry]),
    };
}
