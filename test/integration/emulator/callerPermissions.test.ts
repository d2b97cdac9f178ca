import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
    assertMayChangeRegistry,
    assertMayChangeVaultAccess,
    assertMayCreateRegistryIn,
    missingActions,
    permits,
} from '../../../src/domain/access/callerPermissions';
import { getVault } from '../../../src/domain/access/getVault';
import { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { AnyDomainError } from '../../../src/domain/errors';
import type { RunningEmulator } from '../../emulator/index';
import { connectToEmulator, emulatorCloud } from '../../support/connectToEmulator';
import { startForSuite } from './harness';
import { userCredential } from './signInDriver';

// The product's check before a change: Resource Manager's permissions list, read with the signed-in user's own token.
describe('caller permissions: what the signed-in account may change, before any question', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let registryIds: string[];
    before(async () => {
        emu = await startForSuite('caller-permissions', { seed: 'subscriptions=2,registries=2,cmk=1' });
        registryIds = Object.values(emu.context.world.registries).map((r) => r.id);
    });
    after(() => emu.stop());

    const factoryFor = (upn: string) => {
        const credential = userCredential(emu, upn);
        return new AzureClientFactory({
            cloud: emulatorCloud(emu.environment, readFileSync(emu.environment.caCertPath, 'utf8')),
            credential,
            getVaultCredential: () => credential,
        });
    };
    const inSubscription = (index: number) =>
        registryIds.find((id) => id.toLowerCase().startsWith(`/subscriptions/${emu.environment.subscriptions[index]!.id}`.toLowerCase()))!;

    it('matches Azure RBAC wildcards, with NotActions subtracted within the same entry', () => {
        assert.equal(permits([{ actions: ['*/read'] }], 'Microsoft.ContainerRegistry/registries/write'), false);
        assert.equal(permits([{ actions: ['*/read'] }], 'Microsoft.ContainerRegistry/registries/read'), true);
        assert.equal(permits([{ actions: ['Microsoft.ContainerRegistry/*'] }], 'microsoft.containerregistry/registries/write'), true);
        assert.equal(
            permits([{ actions: ['*'], notActions: ['Microsoft.ContainerRegistry/registries/write'] }], 'Microsoft.ContainerRegistry/registries/write'),
            false,
        );
        assert.equal(
            permits(
                [{ actions: ['*'], notActions: ['Microsoft.ContainerRegistry/registries/write'] }, { actions: ['*'] }],
                'Microsoft.ContainerRegistry/registries/write',
            ),
            true,
        );
    });

    it('the owner may change a registry; the reader is refused with the missing permission named, before anything is changed', async () => {
        const registry = inSubscription(0);
        assert.deepEqual(await missingActions(factoryFor('owner@emulator.localhost'), registry, ['Microsoft.ContainerRegistry/registries/write']), []);
        await assertMayChangeRegistry(factoryFor('owner@emulator.localhost'), registry);
        const reader = factoryFor('reader@emulator.localhost');
        assert.deepEqual(
            await missingActions(reader, registry, ['Microsoft.ContainerRegistry/registries/read', 'Microsoft.ContainerRegistry/registries/write']),
            ['Microsoft.ContainerRegistry/registries/write'],
        );
        const writesBefore = emu.context.log.since(0).filter((e) => e.method !== 'GET' && e.method !== 'HEAD').length;
        await assert.rejects(
            assertMayChangeRegistry(reader, registry),
            (e: AnyDomainError) =>
                e.code === 'ChangeNotPermitted' &&
                e.params.action === 'Microsoft.ContainerRegistry/registries/write' &&
                e.params.name === registry.split('/').pop(),
        );
        assert.equal(emu.context.log.since(0).filter((e) => e.method !== 'GET' && e.method !== 'HEAD').length, writesBefore, 'the check only reads');
    });

    it("a vault's grants and a resource group's new registries: the owner may, the reader is refused naming the vault or group and the action", async () => {
        const vaultIds = Object.values(emu.context.world.vaults)
            .map((v) => v.id)
            .filter((id) => id.toLowerCase().startsWith(`/subscriptions/${emu.environment.subscriptions[0]!.id}/`.toLowerCase()));
        const owner = factoryFor('owner@emulator.localhost');
        const reader = factoryFor('reader@emulator.localhost');
        for (const id of vaultIds) {
            const vault = await getVault(owner, id);
            await assertMayChangeVaultAccess(owner, vault, 'remove', 'derive');
            const expected = vault.enableRbacAuthorization ? 'Microsoft.Authorization/roleAssignments/write' : 'Microsoft.KeyVault/vaults/accessPolicies/write';
            await assert.rejects(
                assertMayChangeVaultAccess(reader, vault, 'add', 'derive'),
                (e: AnyDomainError) =>
                    e.code === 'ChangeNotPermitted' && e.params.kind === 'vault' && e.params.name === vault.name && e.params.action === expected,
            );
        }
        await assertMayChangeVaultAccess(reader, await getVault(owner, vaultIds[0]!), 'remove', [{ kind: 'none' }]);
        const group = inSubscription(0).split('/')[4]!;
        await assertMayCreateRegistryIn(owner, emu.environment.subscriptions[0]!.id, group);
        await assert.rejects(
            assertMayCreateRegistryIn(reader, emu.environment.subscriptions[0]!.id, group),
            (e: AnyDomainError) =>
                e.code === 'ChangeNotPermitted' &&
                e.params.kind === 'resourceGroup' &&
                e.params.name === group &&
                e.params.action === 'Microsoft.ContainerRegistry/registries/write',
        );
    });

    it('a user with no role there has no permission at all; the service principal (authorized without assignments) has every one', async () => {
        assert.deepEqual(await missingActions(factoryFor('reader@emulator.localhost'), inSubscription(1), ['Microsoft.ContainerRegistry/registries/read']), [
            'Microsoft.ContainerRegistry/registries/read',
        ]);
        const { source } = await connectToEmulator(emu.environment, readFileSync(emu.environment.caCertPath, 'utf8'));
        const [target] = await source.listAllSubscriptions();
        assert.deepEqual(await missingActions(target!.factory, inSubscription(0), ['Microsoft.ContainerRegistry/registries/write']), []);
    });
});
