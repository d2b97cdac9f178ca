// After the create flow (domain layer) the stock Azure CLI, against the same emulator, reports exactly the key
// and identity the flow chose: `az acr encryption show` for the key and the client id, `az identity show` /
// `az acr identity show` tying that client id to the identity the plan named.
import * as assert from 'node:assert/strict';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { CreatePlan } from '../../../src/domain/create/CreatePlan';
import { executeCreate, type CreateResult } from '../../../src/domain/create/executeCreate';
import { preflightCreate } from '../../../src/domain/create/preflight';
import { makeGroup, makeIdentity, makeVault, startAccessWorld } from '../access/accessFixture';
import { callerObjectId } from '../../../src/domain/access/callerObjectId';
import { allNewPlan, uniqueSuffix } from '../create/createFixture';
import type { EmulatorWorld } from '../domain/emulatorWorld';
import { azUnavailableReason, startAzSession, type AzSession } from './azSession';

interface AzIdentity {
    id: string;
    clientId: string;
    principalId: string;
}
interface AzRegistryIdentity {
    type: string;
    userAssignedIdentities: Record<string, { clientId: string; principalId: string }>;
}

describe('create flow vs the stock Azure CLI (az acr encryption show)', function () {
    this.timeout(240000);
    let world: EmulatorWorld;
    let factory: AzureClientFactory;
    let subscriptionId: string;
    let cli: AzSession;

    before(async function () {
        const unavailable = azUnavailableReason();
        if (unavailable) {
            console.log(`      skipped: ${unavailable}`);
            this.skip();
        }
        ({ world, factory, subscriptionId } = await startAccessWorld());
        cli = await startAzSession(world.emulator.environment);
    });
    after(async () => {
        cli?.dispose();
        await world?.stop();
    });

    async function create(plan: CreatePlan): Promise<CreateResult> {
        await preflightCreate(factory, plan);
        return executeCreate(factory, plan);
    }

    it('all-new resources, versionless key: the CLI shows the new key (no version) and the new identity', async () => {
        const plan = allNewPlan(subscriptionId);
        const result = await create(plan);
        const shown = await cli.encryptionShow(plan.registry.name, plan.resourceGroup.name, subscriptionId);
        assert.equal(shown.status, 'enabled');
        const vaultName = plan.vault.kind === 'new' ? plan.vault.name : '';
        assert.equal(shown.keyVaultProperties?.keyIdentifier, `https://${vaultName}.${factory.cloud.keyVaultDnsSuffix}/keys/${plan.key.name}`);
        assert.equal(shown.keyVaultProperties?.keyIdentifier, result.keyIdentifier);
        assert.match(shown.keyVaultProperties?.versionedKeyIdentifier ?? '', new RegExp(`^${escape(result.keyIdentifier)}/[0-9a-f]{32}$`));
        assert.equal(shown.keyVaultProperties?.keyRotationEnabled, true, 'versionless: the registry follows new versions');
        // The encryption identity is the identity the plan named (`az identity show` by that name), assigned to the registry.
        const identityName = plan.identity.kind === 'new' ? plan.identity.name : '';
        const identity = await cli.az<AzIdentity>('identity', 'show', '-g', plan.resourceGroup.name, '-n', identityName, '--subscription', subscriptionId);
        assert.equal(shown.keyVaultProperties?.identity, identity.clientId);
        assert.equal(shown.keyVaultProperties?.identity, result.identityClientId);
        const assigned = await cli.az<AzRegistryIdentity>(
            'acr',
            'identity',
            'show',
            '-n',
            plan.registry.name,
            '-g',
            plan.resourceGroup.name,
            '--subscription',
            subscriptionId,
        );
        assert.deepEqual(
            Object.keys(assigned.userAssignedIdentities).map((id) => id.toLowerCase()),
            [identity.id.toLowerCase()],
        );
    });

    it('existing identity, vault and pinned key version: the CLI shows that exact version and that identity', async () => {
        const s = uniqueSuffix();
        const group = `rg-cli-existing-${s}`;
        await makeGroup(factory, subscriptionId, group);
        const identity = await makeIdentity(factory, subscriptionId, group, `id-cli-${s}`);
        const caller = await callerObjectId(factory.connection);
        const vaultId = await makeVault(factory, subscriptionId, group, `kv-cli-${s}`, {
            accessPolicies: [{ tenantId: factory.cloud.tenantId ?? '', objectId: caller, permissions: { keys: ['get', 'list', 'create', 'update'] } }],
        });
        const keys = await factory.keys(`https://kv-cli-${s}.${factory.cloud.keyVaultDnsSuffix}`);
        const key = await keys.createRsaKey(`key-cli-${s}`, { keySize: 2048 });
        const plan = allNewPlan(subscriptionId, {
            resourceGroup: { name: group, create: false },
            identity: { kind: 'existing', id: identity.id },
            vault: { kind: 'existing', id: vaultId },
            key: { kind: 'existing', name: key.name, version: key.properties.version },
            versionless: false,
        });
        const result = await create(plan);
        const shown = await cli.encryptionShow(plan.registry.name, group, subscriptionId);
        assert.equal(shown.status, 'enabled');
        assert.equal(shown.keyVaultProperties?.keyIdentifier, key.id, 'pinned to the chosen version');
        assert.equal(shown.keyVaultProperties?.versionedKeyIdentifier, key.id);
        assert.equal(shown.keyVaultProperties?.keyRotationEnabled, false);
        assert.equal(shown.keyVaultProperties?.identity, identity.clientId);
        assert.equal(result.identityClientId, identity.clientId);
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
