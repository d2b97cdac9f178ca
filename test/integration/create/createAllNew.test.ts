import * as assert from 'node:assert/strict';
import { callerObjectId } from '../../../src/domain/access/callerObjectId';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { executeCreate, type CreateProgress } from '../../../src/domain/create/executeCreate';
import { preflightCreate } from '../../../src/domain/create/preflight';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import type { EmulatorWorld } from '../domain/emulatorWorld';
import { startAccessWorld } from '../access/accessFixture';
import { emulatorAdmin, policiesOf, rolesOf } from '../access/emulatorAdmin';
import { allNewPlan } from './createFixture';

describe('create encrypted registry: all new resources', function () {
    this.timeout(120000);
    let world: EmulatorWorld;
    let factory: AzureClientFactory;
    let subscriptionId: string;
    let admin: ReturnType<typeof emulatorAdmin>;

    before(async () => {
        ({ world, factory, subscriptionId } = await startAccessWorld());
        admin = emulatorAdmin(world);
    });
    after(() => world?.stop());

    it('creates group, identity, vault, grants, key and a Premium CMK registry whose key is reachable; grants are exactly what is needed', async () => {
        const plan = allNewPlan(subscriptionId);
        const { lastSeq } = await admin.requests();
        const progress: CreateProgress[] = [];
        await preflightCreate(factory, plan);
        const result = await executeCreate(factory, plan, { onProgress: (p) => progress.push(p) });
        const { requests } = await admin.requests(lastSeq);
        // Resource Manager + Key Vault requests only: token requests to the authority are not part of the walkthrough's count.
        const counted = requests.filter((r) => !r.path.startsWith('/_emulator') && !/\/oauth2\/|\/\.well-known\//.test(r.path));
        const arm = counted.filter((r) => !/\.vault\./i.test(r.host));
        const vault = counted.filter((r) => /\.vault\./i.test(r.host));
        // 15 with the GET the SDK polls a new vault with: Azure answers its creating PUT RegisteringDns (recorded).
        assert.equal(counted.length, 15, 'requests of the all-new path');
        console.log(
            `      all-new path: ${counted.length} requests (Resource Manager ${arm.length}, Key Vault ${vault.length}) — ${counted.map((r) => `${r.method} ${r.path.replace(/\/subscriptions\/[^/]+/, '/s').replace(/resourceGroups\/[^/]+/i, 'rg')} ${r.status}`).join('; ')}`,
        );

        assert.deepEqual(
            progress
                .filter((p) => p.status === 'succeeded')
                .map((p) => p.step)
                .sort(),
            ['encryptionAccess', 'identity', 'key', 'keyManagementAccess', 'registry', 'resourceGroup', 'vault'].sort(),
        );
        assert.deepEqual(
            progress.filter((p) => p.status === 'skipped').map((p) => p.step),
            ['vaultProtection'],
        );

        const registry = await getRegistry(factory, result.registryId);
        assert.equal(registry.sku, 'Premium');
        assert.equal(registry.encryption.status, 'enabled');
        assert.equal(
            result.keyIdentifier,
            `https://${plan.vault.kind === 'new' ? plan.vault.name : ''}.${factory.cloud.keyVaultDnsSuffix}/keys/${plan.key.name}`,
        );
        assert.equal(registry.raw.encryption?.keyVaultProperties?.identity, result.identityClientId);
        assert.equal(registry.raw.encryption?.keyVaultProperties?.keyIdentifier, result.keyIdentifier);
        assert.equal((await admin.keyAccess(result.registryId)).accessible, true);

        const state = await admin.state();
        const vaultId = result.state.vault!.info.id;
        const caller = await callerObjectId(factory.connection);
        assert.deepEqual(policiesOf(state, vaultId), {
            [result.state.identity!.principalId.toLowerCase()]: ['get', 'unwrapKey', 'wrapKey'],
            [caller.toLowerCase()]: ['create', 'get', 'list', 'update'],
        });
        assert.deepEqual(rolesOf(state, caller), []);
        assert.deepEqual(rolesOf(state, result.state.identity!.principalId), []);
        const storedVault = state.vaults[vaultId.toLowerCase()]!.properties as {
            enablePurgeProtection?: boolean;
            enableSoftDelete?: boolean;
            softDeleteRetentionInDays?: number;
        };
        assert.equal(storedVault.enablePurgeProtection, true);
        assert.equal(storedVault.softDeleteRetentionInDays, 90);
    });

    it('pins the key version when versionless is off', async () => {
        const plan = allNewPlan(subscriptionId, { versionless: false });
        const result = await executeCreate(factory, plan);
        assert.match(result.keyIdentifier, /\/keys\/[^/]+\/[0-9a-f]{32}$/i);
        const registry = await getRegistry(factory, result.registryId);
        assert.equal(registry.raw.encryption?.keyVaultProperties?.keyIdentifier, result.keyIdentifier);
        assert.equal((await admin.keyAccess(result.registryId)).accessible, true);
    });
});
