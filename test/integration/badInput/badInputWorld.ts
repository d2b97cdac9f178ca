import { readFileSync } from 'node:fs';
import type { SubscriptionTarget } from '../../../src/auth/SubscriptionSource';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { CloudConfig } from '../../../src/domain/cloud/CloudConfig';
import type { RunningEmulator } from '../../emulator';
import { connectToEmulator } from '../../support/connectToEmulator';
import { clientsFor, createVault, type Clients } from '../emulator/clients';
import { cmkRegistry, grantPolicy } from '../emulator/cmkFixture';
import { admin, startForSuite } from '../emulator/harness';
import { testClientOptions } from '../domain/emulatorWorld';

export const rg = 'rg-bad-input';

/** The resources the emulator cases refer to by name (each case's message is checked against these). */
export interface BadInputWorld {
    readonly emulator: RunningEmulator;
    readonly cloud: CloudConfig;
    readonly factory: AzureClientFactory;
    readonly subscriptionId: string;
    readonly setup: Clients;
    readonly vault: { name: string; id: string; uri: string };
    readonly identity: { id: string; name: string; clientId: string; principalId: string };
    readonly cmkRegistryId: string;
    readonly plainRegistryId: string;
    readonly principalIdRegistryId: string;
    /** Versioned ids of the EC key and the disabled key (as Key Vault reports them). */
    readonly ecKeyId: string;
    readonly offKeyId: string;
    /** Non-admin requests logged so far (the request log's last sequence number). */
    lastSeq(): Promise<number>;
    /** Methods of the non-admin requests after `seq`. */
    methodsSince(seq: number): Promise<string[]>;
}

/** The domain layer connected as a user configures the extension: custom-cloud settings and the service principal. */
export async function connectAsUser(emulator: RunningEmulator): Promise<{ cloud: CloudConfig; target: SubscriptionTarget }> {
    const env = emulator.environment;
    const { cloud, source } = await connectToEmulator(env, readFileSync(env.caCertPath, 'utf8'), testClientOptions);
    const target = (await source.listAllSubscriptions()).find((t) => t.subscriptionId === env.subscriptions[0]?.id);
    if (!target) {
        throw new Error('the emulator has no subscription');
    }
    return { cloud, target };
}

/**
 * One emulator (output under test-results/, so the security scan also sees what it issued) with: an access-policy
 * vault holding an RSA key, an EC key, a disabled key and a deleted key; a vault without purge protection; a
 * firewalled vault; a CMK registry, a Standard non-CMK registry, and a CMK registry whose encryption identity holds
 * the identity's principal id instead of its client id (made in the emulator's world: Azure refuses to create one).
 */
export async function startBadInputWorld(): Promise<BadInputWorld> {
    const emulator = await startForSuite('bad-input');
    const { cloud, target } = await connectAsUser(emulator);
    const setup = clientsFor(emulator, undefined, target.subscriptionId);
    await setup.resources.resourceGroups.createOrUpdate(rg, { location: 'eastus' });
    const made = await setup.msi.userAssignedIdentities.createOrUpdate(rg, 'id-bad-input', { location: 'eastus' });
    const identity = { id: made.id!, name: made.name!, clientId: made.clientId!, principalId: made.principalId! };
    const vault = await createVault(setup, emulator, rg, 'kvbadinput', { enablePurgeProtection: true });
    await grantPolicy(setup, emulator, rg, 'kvbadinput', identity.principalId);
    const uri = vault.properties.vaultUri!;
    const keys = setup.keys(uri);
    const rsa = await keys.createRsaKey('rsakey', { keySize: 2048 });
    const ec = await keys.createEcKey('eckey', { curve: 'P-256' });
    const off = await keys.createRsaKey('offkey', { keySize: 2048 });
    await keys.updateKeyProperties('offkey', off.properties.version!, { enabled: false });
    await keys.createRsaKey('gonekey', { keySize: 2048 });
    await (await keys.beginDeleteKey('gonekey', { intervalInMs: 20 })).pollUntilDone();
    await createVault(setup, emulator, rg, 'kvbadnopurge', {});
    const firewalled = await createVault(setup, emulator, rg, 'kvbadfirewall', {
        enablePurgeProtection: true,
        networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [{ value: '127.0.0.1' }], virtualNetworkRules: [] },
    });
    await setup.keys(firewalled.properties.vaultUri!).createRsaKey('fwkey', { keySize: 2048 });
    const versionless = rsa.id!.replace(/\/[0-9a-f]{32}$/i, '');
    const cmk = await setup.acr.registries.create(rg, 'cmkbadinput', cmkRegistry(identity.id, versionless, identity.clientId), { updateIntervalInMs: 20 });
    const plain = await setup.acr.registries.create(rg, 'plainbadinput', { location: 'eastus', sku: { name: 'Standard' } }, { updateIntervalInMs: 20 });
    const withPrincipalId = await setup.acr.registries.create(rg, 'pidbadinput', cmkRegistry(identity.id, versionless, identity.clientId), {
        updateIntervalInMs: 20,
    });
    const stored = emulator.context.world.registries[withPrincipalId.id!.toLowerCase()]!;
    stored.encryption.keyVaultProperties!.identity = identity.principalId;

    const requestsSince = async (seq: number) =>
        (await admin(emulator, 'GET', `requests?since=${seq}`)).body as { lastSeq: number; requests: { method: string; path: string }[] };
    return {
        emulator,
        cloud,
        factory: target.factory,
        subscriptionId: target.subscriptionId,
        setup,
        identity,
        vault: { name: 'kvbadinput', id: vault.id!, uri },
        cmkRegistryId: cmk.id!,
        plainRegistryId: plain.id!,
        principalIdRegistryId: withPrincipalId.id!,
        ecKeyId: ec.id!,
        offKeyId: off.id!,
        lastSeq: async () => (await requestsSince(0)).lastSeq,
        methodsSince: async (seq) => (await requestsSince(seq)).requests.filter((r) => !r.path.startsWith('/_emulator')).map((r) => r.method),
    };
}
