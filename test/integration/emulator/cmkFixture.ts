import type { Identity } from '@azure/arm-msi';
import type { Registry } from '@azure/arm-containerregistry';
import type { RunningEmulator } from '../../emulator/index';
import { admin } from './harness';
import { createVault, type Clients } from './clients';

export const CMK_PERMISSIONS = ['get', 'wrapKey', 'unwrapKey'];

/** A resource group with two user-assigned identities and an access-policy vault where only `granted` may use keys. */
export async function cmkSetup(
    c: Clients,
    emu: RunningEmulator,
    rg: string,
    vaultName: string,
): Promise<{ granted: Identity; other: Identity; vaultUri: string }> {
    await c.resources.resourceGroups.createOrUpdate(rg, { location: 'eastus' });
    const granted = await c.msi.userAssignedIdentities.createOrUpdate(rg, `${rg}-granted`, { location: 'eastus' });
    const other = await c.msi.userAssignedIdentities.createOrUpdate(rg, `${rg}-other`, { location: 'eastus' });
    const vault = await createVault(c, emu, rg, vaultName, { enablePurgeProtection: true });
    await grantPolicy(c, emu, rg, vaultName, granted.principalId!);
    return { granted, other, vaultUri: vault.properties.vaultUri! };
}

export async function grantPolicy(
    c: Clients,
    emu: RunningEmulator,
    rg: string,
    vaultName: string,
    objectId: string,
    op: 'add' | 'remove' = 'add',
): Promise<void> {
    await c.keyVault.vaults.updateAccessPolicy(rg, vaultName, op, {
        properties: { accessPolicies: [{ tenantId: emu.environment.tenantId, objectId, permissions: { keys: CMK_PERMISSIONS as never[] } }] },
    });
}

export function cmkRegistry(identityId: string, keyIdentifier: string, identity: string, sku = 'Premium'): Registry {
    return {
        location: 'eastus',
        sku: { name: sku },
        identity: { type: 'UserAssigned', userAssignedIdentities: { [identityId]: {} } },
        encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier, identity } },
    } as Registry;
}

export async function keyAccess(emu: RunningEmulator, registryId: string): Promise<{ accessible: boolean; reason: string }> {
    return (await admin(emu, 'GET', `key-access?registry=${encodeURIComponent(registryId)}`)).body;
}
