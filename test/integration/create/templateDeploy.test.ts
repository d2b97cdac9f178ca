import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { callerObjectId } from '../../../src/domain/access';
import { cryptoServiceEncryptionUserRoleId } from '../../../src/domain/access/roles';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { buildArmTemplate } from '../../../src/domain/create/template/armTemplate';
import { deployTemplate, parseTemplateFile, readParameterValues } from '../../../src/domain/create/template/deployTemplate';
import type { DomainError } from '../../../src/domain/errors';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import type { EmulatorWorld } from '../domain/emulatorWorld';
import { makeGroup, makeVault, startAccessWorld } from '../access/accessFixture';
import { emulatorAdmin, policiesOf, rolesOf } from '../access/emulatorAdmin';
import { uniqueSuffix } from './createFixture';

describe('ARM template: export and deploy', function () {
    this.timeout(120000);
    let world: EmulatorWorld;
    let factory: AzureClientFactory;
    let subscriptionId: string;
    let admin: ReturnType<typeof emulatorAdmin>;
    const group = 'rg-template';

    before(async () => {
        ({ world, factory, subscriptionId } = await startAccessWorld());
        admin = emulatorAdmin(world);
        await makeGroup(factory, subscriptionId, group);
    });
    after(() => world?.stop());

    async function vaultWithKey(rbac: boolean) {
        const s = uniqueSuffix();
        const caller = await callerObjectId(factory.connection);
        const name = `kv-tpl-${s}`;
        const id = await makeVault(factory, subscriptionId, group, name, rbac ? { enableRbacAuthorization: true } : { accessPolicies: [{ tenantId: factory.cloud.tenantId, objectId: caller, permissions: { keys: ['get', 'create'] } }] });
        if (rbac) {
            await (await factory.authorization(subscriptionId)).roleAssignments.create(id, `5e1d0c0e-0000-4000-8000-0000000000${s.slice(-2).padStart(2, '0')}`, {
                roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/14b46e9e-c2b7-41b4-b07b-48a6ebf60603`, principalId: caller });
        }
        const key = await (await factory.keys(`https://${name}.${factory.cloud.keyVaultDnsSuffix}`)).createRsaKey(`key-${s}`, { keySize: 2048 });
        return { id, name, keyIdentifier: key.id!.replace(/\/[0-9a-f]{32}$/i, ''), s };
    }

    for (const rbac of [false, true]) {
        it(`deploys the exported template (${rbac ? 'RBAC role assignment' : 'access policy'}): registry encrypted, key reachable, exact grant`, async () => {
            const vault = await vaultWithKey(rbac);
            const files = buildArmTemplate({ registryName: `tplreg${vault.s}`, identity: { kind: 'new', name: `id-tpl-${vault.s}` }, vault: { name: vault.name, rbac }, keyIdentifier: vault.keyIdentifier });
            // Round-trip through text, as the command writes and reads files.
            const template = parseTemplateFile(JSON.stringify(files.template, undefined, 2), 'template.json');
            const result = await deployTemplate(factory, { subscriptionId, resourceGroup: group, deploymentName: `deploy-${vault.s}`, template, parameters: readParameterValues(files.parameters) });
            const registryId = String((result.outputs.registryId as { value?: string })?.value ?? '');
            assert.match(registryId, new RegExp(`/registries/tplreg${vault.s}$`, 'i'));
            const registry = await getRegistry(factory, registryId);
            assert.equal(registry.encryption.status, 'enabled');
            assert.equal(registry.raw.encryption?.keyVaultProperties?.keyIdentifier, vault.keyIdentifier);
            assert.equal((await admin.keyAccess(registryId)).accessible, true);
            const state = await admin.state();
            const identity = Object.values(state.identities).find((i) => i.name === `id-tpl-${vault.s}`)!;
            assert.equal(registry.raw.encryption?.keyVaultProperties?.identity, identity.clientId, 'client id, not principal id');
            if (rbac) {
                assert.deepEqual(rolesOf(state, identity.principalId), [{ role: cryptoServiceEncryptionUserRoleId, scope: vault.id.toLowerCase() }]);
            } else {
                assert.deepEqual(policiesOf(state, vault.id)[identity.principalId.toLowerCase()], ['get', 'unwrapKey', 'wrapKey']);
            }
        });
    }

    it('deploys the seed\'s own CMKtemplate.json', async () => {
        const vault = await vaultWithKey(false);
        const file = path.join(__dirname, '..', '..', 'cli', 'fixtures', 'CMKtemplate.json');
        const template = parseTemplateFile(readFileSync(file, 'utf8'), file);
        await deployTemplate(factory, { subscriptionId, resourceGroup: group, deploymentName: `seed-${vault.s}`, template, parameters: readParameterValues({
            vault_name: vault.name, registry_name: `seedreg${vault.s}`, identity_name: `id-seed-${vault.s}`, kek_id: vault.keyIdentifier,
        }) });
        const registryId = `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.ContainerRegistry/registries/seedreg${vault.s}`;
        assert.equal((await admin.keyAccess(registryId)).accessible, true);
    });

    it('a failing deployment is a structured DeploymentFailed naming the failing operation\'s own error, not the generic wrapper', async () => {
        const files = buildArmTemplate({ registryName: `failreg${uniqueSuffix()}`, identity: { kind: 'new', name: 'id-fail' }, vault: { name: 'kv-does-not-exist', rbac: false }, keyIdentifier: `https://kv-does-not-exist.${factory.cloud.keyVaultDnsSuffix}/keys/k` });
        await assert.rejects(deployTemplate(factory, { subscriptionId, resourceGroup: group, deploymentName: 'deploy-fail', template: files.template, parameters: readParameterValues(files.parameters) }),
            (e: DomainError) => e.code === 'DeploymentFailed' && e.params.deployment === 'deploy-fail' && !!e.params.code
                && /kv-does-not-exist/.test(e.params.message ?? '') && !/At least one resource deployment operation failed/.test(e.params.message ?? ''));
    });
});
