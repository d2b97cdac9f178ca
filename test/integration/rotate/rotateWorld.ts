import type { Identity } from '@azure/arm-msi';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { admin } from '../emulator/harness';
import { clientsFor, createVault, type Clients } from '../emulator/clients';
import { cmkRegistry, grantPolicy, keyAccess } from '../emulator/cmkFixture';
import { startEmulatorWorld, type EmulatorWorld } from '../domain/emulatorWorld';

const officerRole = '14b46e9e-c2b7-41b4-b07b-48a6ebf60603';
const encryptionUserRole = 'e147488a-f6f5-4113-8e2d-b22465e65bf6';

export interface VaultFixture {
    readonly name: string;
    readonly uri: string;
    readonly id: string;
    readonly keys: Record<string, string>;
}

/**
 * The world the rotate-flow tests share: two subscriptions; in the first an access-policy vault, an RBAC
 * vault, two firewalled vaults (trusted services allowed / not) and two user-assigned identities, in the
 * second another access-policy vault. Each test makes its own CMK registry with `newRegistry`.
 */
export interface RotateWorld {
    readonly world: EmulatorWorld;
    readonly factory: AzureClientFactory;
    readonly subscriptionA: string;
    readonly subscriptionB: string;
    readonly setup: Clients;
    readonly setupB: Clients;
    readonly granted: Identity;
    readonly other: Identity;
    readonly ap: VaultFixture;
    readonly rbac: VaultFixture;
    readonly firewalled: VaultFixture;
    readonly firewalledNoBypass: VaultFixture;
    readonly otherSub: VaultFixture;
    newRegistry(name: string, options?: { keyId?: string; versionless?: boolean }): Promise<RegistrySummary>;
    keyAccess(registryId: string): Promise<{ accessible: boolean; reason: string }>;
    fault(rule: Record<string, unknown>): Promise<void>;
    clearFaults(): Promise<void>;
    stop(): Promise<void>;
}

export const rg = 'rg-rotate';

export async function startRotateWorld(): Promise<RotateWorld> {
    const world = await startEmulatorWorld({});
    const emu = world.emulator;
    const [targetA, targetB] = (await world.source.listAllSubscriptions()).sort(
        (a, b) =>
            emu.environment.subscriptions.findIndex((s) => s.id === a.subscriptionId) -
            emu.environment.subscriptions.findIndex((s) => s.id === b.subscriptionId),
    );
    const subscriptionA = targetA!.subscriptionId;
    const subscriptionB = targetB!.subscriptionId;
    const setup = clientsFor(emu, undefined, subscriptionA);
    const setupB = clientsFor(emu, undefined, subscriptionB);
    await setup.resources.resourceGroups.createOrUpdate(rg, { location: 'eastus' });
    await setupB.resources.resourceGroups.createOrUpdate(rg, { location: 'eastus' });
    const granted = await setup.msi.userAssignedIdentities.createOrUpdate(rg, 'id-rotate-granted', { location: 'eastus' });
    const other = await setup.msi.userAssignedIdentities.createOrUpdate(rg, 'id-rotate-other', { location: 'eastus' });
    const sp = emu.environment.principalObjectId;
    const loopback = { ipRules: [{ value: '127.0.0.1' }], virtualNetworkRules: [] };

    const ap = await vaultWithKeys(setup, emu, 'kvrotap', {}, ['key1', 'key2']);
    await grantPolicy(setup, emu, rg, ap.name, granted.principalId!);
    const rbac = await vaultWithKeys(setup, emu, 'kvrotrbac', { enableRbacAuthorization: true, accessPolicies: [] }, ['rbkey'], async (vaultId) => {
        await assignRole(setup, vaultId, sp, officerRole);
        await assignRole(setup, vaultId, granted.principalId!, encryptionUserRole);
    });
    const firewalled = await vaultWithKeys(setup, emu, 'kvrotfw', { networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ...loopback } }, ['fwkey']);
    const firewalledNoBypass = await vaultWithKeys(setup, emu, 'kvrotfwnone', { networkAcls: { bypass: 'None', defaultAction: 'Deny', ...loopback } }, [
        'fwkey',
    ]);
    const otherSub = await vaultWithKeys(setupB, emu, 'kvrotothersub', {}, ['farkey']);

    return {
        world,
        factory: targetA!.factory,
        subscriptionA,
        subscriptionB,
        setup,
        setupB,
        granted,
        other,
        ap,
        rbac,
        firewalled,
        firewalledNoBypass,
        otherSub,
        async newRegistry(name, options = {}) {
            const keyId = options.keyId ?? (options.versionless === false ? ap.keys.key1! : `${ap.uri}keys/key1`);
            const created = await setup.acr.registries.create(rg, name, cmkRegistry(granted.id!, keyId, granted.clientId!), { updateIntervalInMs: 20 });
            return getRegistry(targetA!.factory, created.id!);
        },
        keyAccess: (registryId) => keyAccess(emu, registryId),
        async fault(rule) {
            await admin(emu, 'POST', 'faults', rule);
        },
        async clearFaults() {
            await admin(emu, 'DELETE', 'faults');
        },
        stop: () => world.stop(),
    };
}

async function vaultWithKeys(
    c: Clients,
    emu: EmulatorWorld['emulator'],
    name: string,
    properties: Record<string, unknown>,
    keyNames: string[],
    beforeKeys?: (vaultId: string) => Promise<void>,
): Promise<VaultFixture> {
    const vault = await createVault(c, emu, rg, name, { enablePurgeProtection: true, ...properties });
    await beforeKeys?.(vault.id!);
    const uri = vault.properties.vaultUri!;
    const keys: Record<string, string> = {};
    for (const keyName of keyNames) {
        keys[keyName] = (await c.keys(uri).createRsaKey(keyName, { keySize: 2048 })).id!;
    }
    return { name, uri, id: vault.id!, keys };
}

async function assignRole(c: Clients, scope: string, principalId: string, roleId: string): Promise<void> {
    const subscriptionId = scope.split('/')[2];
    await c.authorization.roleAssignments.create(scope, crypto.randomUUID(), {
        roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`,
        principalId,
        principalType: 'ServicePrincipal',
    });
}
