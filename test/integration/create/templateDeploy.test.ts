import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { callerObjectId } from '../../../src/domain/access/callerObjectId';
import { cryptoServiceEncryptionUserRoleId } from '../../../src/domain/access/roles';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { CreatePlan } from '../../../src/domain/create/CreatePlan';
import { buildArmTemplate } from '../../../src/domain/create/template/armTemplate';
import { deployTemplate, parseTemplateFile, readParameterValues } from '../../../src/domain/create/template/deployTemplate';
import { findLeftovers, removeLeftovers, resourceGroupLeftover, resourcesBefore } from '../../../src/domain/create/template/leftovers';
import type { AnyDomainError } from '../../../src/domain/errors';
import { getRegistry } from '../../../src/domain/registries/getRegistry';
import { ensureResourceGroup } from '../../../src/domain/resourceGroups/resourceGroups';
import type { EmulatorWorld } from '../domain/emulatorWorld';
import { location, makeGroup, makeIdentity, makeVault, startAccessWorld } from '../access/accessFixture';
import { emulatorAdmin, policiesOf, rolesOf } from '../access/emulatorAdmin';
import { uniqueSuffix } from './createFixture';

describe('ARM template: export and deploy', function () {
    this.timeout(120000);
    let world: EmulatorWorld;
    let factory: AzureClientFactory;
    let subscriptionId: string;
    let subscriptionIds: string[];
    let admin: ReturnType<typeof emulatorAdmin>;
    const group = 'rg-template';

    before(async () => {
        ({ world, factory, subscriptionId, subscriptionIds } = await startAccessWorld());
        admin = emulatorAdmin(world);
        await makeGroup(factory, subscriptionId, group);
    });
    after(() => world?.stop());

    /** A vault with an RSA key in `vaultGroup` of `vaultSubscription` (default: the deployment's group and subscription). */
    async function vaultWithKey(rbac: boolean, where: { subscription?: string; group?: string } = {}) {
        const s = uniqueSuffix();
        const vaultSubscription = where.subscription ?? subscriptionId;
        const vaultGroup = where.group ?? group;
        const caller = await callerObjectId(factory.connection);
        const name = `kv-tpl-${s}`;
        const id = await makeVault(
            factory,
            vaultSubscription,
            vaultGroup,
            name,
            rbac
                ? { enableRbacAuthorization: true }
                : { accessPolicies: [{ tenantId: factory.cloud.tenantId, objectId: caller, permissions: { keys: ['get', 'create'] } }] },
        );
        if (rbac) {
            await (
                await factory.authorization(vaultSubscription)
            ).roleAssignments.create(id, `5e1d0c0e-0000-4000-8000-0000000000${s.slice(-2).padStart(2, '0')}`, {
                roleDefinitionId: `/subscriptions/${vaultSubscription}/providers/Microsoft.Authorization/roleDefinitions/14b46e9e-c2b7-41b4-b07b-48a6ebf60603`,
                principalId: caller,
            });
        }
        const key = await (await factory.keys(`https://${name}.${factory.cloud.keyVaultDnsSuffix}`)).createRsaKey(`key-${s}`, { keySize: 2048 });
        return { id, name, keyName: `key-${s}`, keyIdentifier: key.id!.replace(/\/[0-9a-f]{32}$/i, ''), versionedIdentifier: key.id!, s };
    }

    function planFor(s: string, rest: Pick<CreatePlan, 'vault' | 'key' | 'versionless'> & Partial<Pick<CreatePlan, 'identity'>>): CreatePlan {
        return {
            subscriptionId,
            location,
            resourceGroup: { name: group, create: false },
            registry: { name: `tplreg${s}`, sku: 'Premium' },
            identity: { kind: 'new', name: `id-tpl-${s}` },
            ...rest,
        };
    }

    async function deployExported(plan: CreatePlan, facts: { existingVaultRbac?: boolean }, deploymentName: string) {
        const files = buildArmTemplate(plan, facts);
        // Round-trip through text, as the command writes and reads files.
        const template = parseTemplateFile(JSON.stringify(files.template, undefined, 2), 'template.json');
        const result = await deployTemplate(factory, {
            subscriptionId,
            resourceGroup: group,
            deploymentName,
            template,
            parameters: readParameterValues(JSON.parse(JSON.stringify(files.parameters))),
        });
        const registryId = String((result.outputs.registryId as { value?: string })?.value ?? '');
        assert.match(registryId, new RegExp(`/registries/${plan.registry.name}$`, 'i'));
        const registry = await getRegistry(factory, registryId);
        assert.equal(registry.encryption.status, 'enabled');
        assert.equal((await admin.keyAccess(registryId)).accessible, true, 'the registry reaches its key');
        return { registryId, registry };
    }

    async function encryptionIdentity(name: string) {
        return Object.values((await admin.state()).identities).find((i) => i.name === name)!;
    }

    for (const rbac of [false, true]) {
        it(`deploys the exported template (${rbac ? 'RBAC role assignment' : 'access policy'}): registry encrypted, key reachable, exact grant`, async () => {
            const vault = await vaultWithKey(rbac);
            const plan = planFor(vault.s, { vault: { kind: 'existing', id: vault.id }, key: { kind: 'existing', name: vault.keyName }, versionless: true });
            const { registry } = await deployExported(plan, { existingVaultRbac: rbac }, `deploy-${vault.s}`);
            assert.equal(registry.raw.encryption?.keyVaultProperties?.keyIdentifier, vault.keyIdentifier);
            const state = await admin.state();
            const identity = await encryptionIdentity(`id-tpl-${vault.s}`);
            assert.equal(registry.raw.encryption?.keyVaultProperties?.identity, identity.clientId, 'client id, not principal id');
            if (rbac) {
                assert.deepEqual(rolesOf(state, identity.principalId), [{ role: cryptoServiceEncryptionUserRoleId, scope: vault.id.toLowerCase() }]);
            } else {
                assert.deepEqual(policiesOf(state, vault.id)[identity.principalId.toLowerCase()], ['get', 'unwrapKey', 'wrapKey']);
            }
        });
    }

    it("deploys when the vault is in another resource group: the grant is a nested deployment into the vault's group", async () => {
        await makeGroup(factory, subscriptionId, 'rg-template-vaults');
        const vault = await vaultWithKey(false, { group: 'rg-template-vaults' });
        const plan = planFor(vault.s, { vault: { kind: 'existing', id: vault.id }, key: { kind: 'existing', name: vault.keyName }, versionless: false });
        const { registry } = await deployExported(plan, {}, `deploy-xrg-${vault.s}`);
        assert.equal(registry.raw.encryption?.keyVaultProperties?.keyIdentifier, vault.versionedIdentifier, 'pinned: the current version at deployment');
        const identity = await encryptionIdentity(`id-tpl-${vault.s}`);
        assert.deepEqual(policiesOf(await admin.state(), vault.id)[identity.principalId.toLowerCase()], ['get', 'unwrapKey', 'wrapKey']);
    });

    it('deploys when the vault (RBAC) and the identity are in another subscription, with a pinned version picked', async function () {
        const other = subscriptionIds.find((id) => id !== subscriptionId);
        if (!other) {
            throw new Error('the emulator world needs a second subscription for this test');
        }
        await makeGroup(factory, other, 'rg-template-elsewhere');
        const vault = await vaultWithKey(true, { subscription: other, group: 'rg-template-elsewhere' });
        const identity = await makeIdentity(factory, other, 'rg-template-elsewhere', `id-elsewhere-${vault.s}`);
        const version = vault.versionedIdentifier.split('/').pop()!;
        const plan = planFor(vault.s, {
            identity: { kind: 'existing', id: identity.id },
            vault: { kind: 'existing', id: vault.id },
            key: { kind: 'existing', name: vault.keyName, version },
            versionless: false,
        });
        const { registry } = await deployExported(plan, { existingVaultRbac: true }, `deploy-xsub-${vault.s}`);
        assert.equal(registry.raw.encryption?.keyVaultProperties?.keyIdentifier, vault.versionedIdentifier);
        assert.equal(registry.raw.encryption?.keyVaultProperties?.identity, identity.clientId);
        assert.deepEqual(rolesOf(await admin.state(), identity.principalId), [{ role: cryptoServiceEncryptionUserRoleId, scope: vault.id.toLowerCase() }]);
    });

    for (const permissionModel of ['accessPolicy', 'rbac'] as const) {
        it(`deploys with a new vault (${permissionModel}) and a new key created through Resource Manager`, async () => {
            const s = uniqueSuffix();
            const plan = planFor(s, {
                vault: { kind: 'new', name: `kv-tplnew-${s}`, softDeleteRetentionInDays: 30, permissionModel },
                key: { kind: 'new', name: `key-new-${s}`, keySize: 3072 },
                versionless: true,
            });
            const { registry } = await deployExported(plan, {}, `deploy-new-${s}`);
            assert.equal(
                registry.raw.encryption?.keyVaultProperties?.keyIdentifier,
                `https://kv-tplnew-${s}.${factory.cloud.keyVaultDnsSuffix}/keys/key-new-${s}`,
            );
            const vault = Object.values((await admin.state()).vaults).find((v) => v.name === `kv-tplnew-${s}`)!;
            assert.equal(vault.properties.enablePurgeProtection, true);
            assert.equal((vault.properties as { softDeleteRetentionInDays?: number }).softDeleteRetentionInDays, 30);
        });
    }

    it('a deployment that fails after creating the identity and its grant names them, and deleting them leaves nothing behind', async () => {
        await makeGroup(factory, subscriptionId, 'rg-template-vaults');
        const vault = await vaultWithKey(false, { group: 'rg-template-vaults' });
        const plan = planFor(vault.s, { vault: { kind: 'existing', id: vault.id }, key: { kind: 'existing', name: 'no-such-key' }, versionless: true });
        const files = buildArmTemplate(plan);
        const input = {
            subscriptionId,
            resourceGroup: group,
            deploymentName: `deploy-orphans-${vault.s}`,
            template: files.template,
            parameters: readParameterValues(files.parameters),
        };
        const before = await resourcesBefore(factory, input);
        await assert.rejects(
            deployTemplate(factory, input),
            (e: AnyDomainError) => e.code === 'DeploymentFailed' && /no-such-key/.test(e.params.message ?? ''),
        );
        const leftovers = await findLeftovers(factory, input, before);
        const identity = await encryptionIdentity(`id-tpl-${vault.s}`);
        assert.ok(identity, 'the identity was created before the registry failed');
        assert.deepEqual(leftovers.map((l) => (l.kind === 'resource' ? `${l.type}|${l.name}` : `policy|${l.vaultName}|${l.identityName}`)).sort(), [
            `Microsoft.ManagedIdentity/userAssignedIdentities|id-tpl-${vault.s}`,
            `policy|${vault.name}|id-tpl-${vault.s}`,
        ]);
        await removeLeftovers(factory, subscriptionId, leftovers);
        const state = await admin.state();
        assert.equal(
            Object.values(state.identities).some((i) => i.name === `id-tpl-${vault.s}`),
            false,
            'the identity is gone',
        );
        assert.equal(policiesOf(state, vault.id)[identity.principalId.toLowerCase()], undefined, 'its access policy is gone');
        assert.deepEqual(Object.keys(policiesOf(state, vault.id)).length, 1, "the caller's own policy stays");
    });

    it('a failed deployment into a resource group the flow created lists that group last, and deleting removes it with what is in it', async () => {
        const vault = await vaultWithKey(false);
        const newGroup = `rg-template-new-${vault.s}`;
        assert.equal(await ensureResourceGroup(factory, subscriptionId, newGroup, location), true, 'the group is new');
        assert.equal(await ensureResourceGroup(factory, subscriptionId, newGroup, location), false, 'a group that exists is left as it is');
        const plan = {
            ...planFor(vault.s, {
                vault: { kind: 'existing' as const, id: vault.id },
                key: { kind: 'existing' as const, name: 'no-such-key' },
                versionless: true,
            }),
            resourceGroup: { name: newGroup, create: true },
        };
        const files = buildArmTemplate(plan);
        const input = {
            subscriptionId,
            resourceGroup: newGroup,
            deploymentName: `deploy-newgroup-${vault.s}`,
            template: files.template,
            parameters: readParameterValues(files.parameters),
        };
        const before = await resourcesBefore(factory, input);
        await assert.rejects(deployTemplate(factory, input), (e: AnyDomainError) => e.code === 'DeploymentFailed');
        const leftovers = [...(await findLeftovers(factory, input, before)), resourceGroupLeftover(subscriptionId, newGroup)];
        await removeLeftovers(factory, subscriptionId, leftovers);
        const state = await admin.state();
        assert.equal(
            Object.values(state.identities).some((i) => i.name === `id-tpl-${vault.s}`),
            false,
            'the identity is gone',
        );
        assert.equal(await (await factory.resources(subscriptionId)).resourceGroups.checkExistence(newGroup).then((r) => r.body), false, 'the group is gone');
        assert.equal(
            Object.values(state.vaults).some((v) => v.name === vault.name),
            true,
            'the vault in another group stays',
        );
    });

    it('a template Azure refuses at validation is a structured DeploymentFailed before anything is deployed', async () => {
        const input = {
            subscriptionId,
            resourceGroup: group,
            deploymentName: 'deploy-invalid',
            template: {
                $schema: 'x',
                contentVersion: '1.0.0.0',
                resources: [{ type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2023-01-31', name: "[parameters('missing')]", location }],
            },
            parameters: {},
        };
        await assert.rejects(
            resourcesBefore(factory, input),
            (e: AnyDomainError) => e.code === 'DeploymentFailed' && e.params.deployment === 'deploy-invalid' && !!e.params.code,
        );
    });

    it("deploys the seed's own CMKtemplate.json", async () => {
        const vault = await vaultWithKey(false);
        const file = path.join(__dirname, '..', '..', 'cli', 'fixtures', 'CMKtemplate.json');
        const template = parseTemplateFile(readFileSync(file, 'utf8'), file);
        await deployTemplate(factory, {
            subscriptionId,
            resourceGroup: group,
            deploymentName: `seed-${vault.s}`,
            template,
            parameters: readParameterValues({
                vault_name: vault.name,
                registry_name: `seedreg${vault.s}`,
                identity_name: `id-seed-${vault.s}`,
                kek_id: vault.keyIdentifier,
            }),
        });
        const registryId = `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.ContainerRegistry/registries/seedreg${vault.s}`;
        assert.equal((await admin.keyAccess(registryId)).accessible, true);
    });

    it("a failing deployment is a structured DeploymentFailed naming the failing operation's own error, not the generic wrapper", async () => {
        const files = buildArmTemplate(
            planFor(uniqueSuffix(), {
                vault: {
                    kind: 'existing',
                    id: `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/Microsoft.KeyVault/vaults/kv-does-not-exist`,
                },
                key: { kind: 'existing', name: 'k' },
                versionless: true,
            }),
        );
        await assert.rejects(
            deployTemplate(factory, {
                subscriptionId,
                resourceGroup: group,
                deploymentName: 'deploy-fail',
                template: files.template,
                parameters: readParameterValues(files.parameters),
            }),
            (e: AnyDomainError) =>
                e.code === 'DeploymentFailed' &&
                e.params.deployment === 'deploy-fail' &&
                !!e.params.code &&
                /kv-does-not-exist/.test(e.params.message ?? '') &&
                !/At least one resource deployment operation failed/.test(e.params.message ?? ''),
        );
    });
});
