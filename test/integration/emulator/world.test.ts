import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator/index';
import { admin, armToken, call, startForSuite } from './harness';
import { clientsFor, createVault } from './clients';
import { cmkRegistry, cmkSetup, keyAccess } from './cmkFixture';

type StateRegistry = {
    id: string;
    subscriptionId: string;
    sku: string;
    identity?: { type: string };
    encryption: { status: string; keyVaultProperties?: { identity: string; keyIdentifier: string } };
};
const registriesOf = async (emu: RunningEmulator): Promise<StateRegistry[]> =>
    Object.values((await admin(emu, 'GET', 'state')).body.registries as Record<string, StateRegistry>);
const repoRoot = join(__dirname, '..', '..', '..');

describe('emulator: seeding, persisted state, deployments and the command line', function () {
    this.timeout(120_000);

    it('seeds deterministically, spreads registries evenly, and every seeded CMK registry can unwrap its key', async () => {
        const spec = 'subscriptions=4,registries=30,cmk=0.5';
        const a = await startForSuite('world-seed-a', { seed: spec });
        const b = await startForSuite('world-seed-b', { seed: spec });
        try {
            const ra = await registriesOf(a);
            const rb = await registriesOf(b);
            assert.deepEqual(ra.map((r) => r.id).sort(), rb.map((r) => r.id).sort());
            assert.equal(a.environment.subscriptions.length, 4);
            const perSub = a.environment.subscriptions.map((s) => ra.filter((r) => r.subscriptionId === s.id).length);
            assert.deepEqual(perSub, [8, 8, 7, 7]);
            const cmk = ra.filter((r) => r.encryption.status === 'enabled');
            assert.ok(cmk.length >= 8 && cmk.length <= 22, `about half CMK, got ${cmk.length}`);
            assert.ok(cmk.every((r) => r.sku === 'Premium'));
            assert.ok(
                cmk.some((r) => r.encryption.keyVaultProperties!.identity === 'system') &&
                    cmk.some((r) => r.encryption.keyVaultProperties!.identity !== 'system'),
            );
            for (const r of cmk) assert.equal((await keyAccess(a, r.id)).accessible, true, r.id);
            // The firewalled seeded vault lets the user's own calls in from 127.0.0.1.
            const fw = cmk.find((r) => r.encryption.keyVaultProperties!.identity === 'system')!;
            const keyUrl = fw.encryption.keyVaultProperties!.keyIdentifier;
            const c = clientsFor(a, undefined, fw.subscriptionId);
            assert.equal((await c.keys(keyUrl.replace(/keys\/.*/, '')).getKey(keyUrl.split('/keys/')[1]!.split('/')[0]!)).keyType, 'RSA');
        } finally {
            await a.stop();
            await b.stop();
        }
    });

    it("the 'sample' seed makes a small playground: 3 subscriptions, CMK and plain registries", async () => {
        const emu = await startForSuite('world-sample', { seed: 'sample' });
        try {
            const regs = await registriesOf(emu);
            assert.equal(emu.environment.subscriptions.length, 3);
            assert.ok(regs.some((r) => r.encryption.status === 'enabled') && regs.some((r) => r.encryption.status === 'disabled'));
            const state = (await admin(emu, 'GET', 'state')).body;
            const vaults = Object.values(
                state.vaults as Record<string, { properties: { enableRbacAuthorization: boolean; networkAcls?: { defaultAction: string } } }>,
            );
            assert.ok(vaults.some((v) => v.properties.enableRbacAuthorization) && vaults.some((v) => v.properties.networkAcls?.defaultAction === 'Deny'));
        } finally {
            await emu.stop();
        }
    });

    it('--state persists the world across restarts (even on another port)', async () => {
        const statePath = join(repoRoot, 'test-results', 'emulator-world-state', 'persisted-world.json');
        rmSync(statePath, { force: true });
        const first = await startForSuite('world-state', { statePath });
        let registryId: string;
        try {
            const c = clientsFor(first);
            const { granted, vaultUri } = await cmkSetup(c, first, 'rg-state', 'kv-state-01');
            await c.keys(vaultUri).createRsaKey('cmk');
            registryId = (await c.acr.registries.create('rg-state', 'stateful01', cmkRegistry(granted.id!, `${vaultUri}keys/cmk`, granted.clientId!))).id!;
        } finally {
            await first.stop();
        }
        assert.ok(existsSync(statePath));
        const second = await startForSuite('world-state', { statePath });
        try {
            const c = clientsFor(second);
            const r = await c.acr.registries.get('rg-state', 'stateful01');
            assert.equal(r.id, registryId);
            assert.ok(r.encryption!.keyVaultProperties!.keyIdentifier!.includes(`:${second.port}/`), 'vault URLs follow the new port');
            assert.equal((await keyAccess(second, registryId)).accessible, true);
            assert.equal((await c.keys(`https://kv-state-01${second.environment.keyVaultDnsSuffix}/`).getKey('cmk')).name, 'cmk');
        } finally {
            await second.stop();
        }
    });

    it('runs ARM template deployments through the normal router', async () => {
        const emu = await startForSuite('world-deploy');
        try {
            const c = clientsFor(emu);
            await c.resources.resourceGroups.createOrUpdate('rg-deploy', { location: 'eastus' });
            await createVault(c, emu, 'rg-deploy', 'kv-deploy-01');
            const template = {
                $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
                contentVersion: '1.0.0.0',
                parameters: { identityName: { type: 'string' } },
                resources: [
                    {
                        type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
                        apiVersion: '2018-11-30',
                        name: "[parameters('identityName')]",
                        location: '[resourceGroup().location]',
                    },
                ],
                outputs: {
                    clientId: {
                        type: 'string',
                        value: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))).clientId]",
                    },
                },
            };
            // @azure/arm-resources 8 has no deployments client: drive the REST protocol as the Azure CLI does (PUT, poll, GET).
            const token = await armToken(emu);
            const url = `${emu.environment.armEndpoint}subscriptions/${emu.environment.subscriptions[0]!.id}/resourcegroups/rg-deploy/providers/Microsoft.Resources/deployments/dep1?api-version=2022-09-01`;
            const body = { properties: { mode: 'Incremental', template, parameters: { identityName: { value: 'id-from-template' } } } };
            assert.equal((await call(emu, 'POST', url.replace('/dep1?', '/dep1/validate?'), { token, body })).status, 200);
            const put = await call(emu, 'PUT', url, { token, body });
            assert.equal(put.status, 201);
            const deadline = Date.now() + 30_000;
            let status = 'Running';
            while (status === 'Running' && Date.now() < deadline) {
                status = (await call(emu, 'GET', put.headers['azure-asyncoperation']!, { token })).body.status;
                if (status === 'Running') await new Promise((r) => setTimeout(r, 100));
            }
            assert.equal(status, 'Succeeded');
            const done = (await call(emu, 'GET', url, { token })).body;
            const identity = await c.msi.userAssignedIdentities.get('rg-deploy', 'id-from-template');
            assert.equal(done.properties.outputs.clientId.value, identity.clientId);
            assert.deepEqual(
                done.properties.outputResources.map((r: { id: string }) => r.id.toLowerCase()),
                [identity.id!.toLowerCase()],
            );
        } finally {
            await emu.stop();
        }
    });

    it('npm run emulator prints the ready line, writes its files and stops cleanly on SIGTERM', async () => {
        const outDir = join(repoRoot, 'test-results', 'emulator-world-cli');
        const child = spawn(
            process.execPath,
            [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'test', 'emulator', 'main.ts'), '--port', '0', '--out', outDir],
            { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        const ready = await new Promise<string>((resolve, reject) => {
            let out = '';
            child.stdout.on('data', (d: Buffer) => {
                out += d.toString();
                const m = /emulator ready (\S+)/.exec(out);
                if (m) resolve(m[1]!);
            });
            child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
        });
        assert.match(ready, /^https:\/\/localhost:\d+\/$/);
        const env = JSON.parse(readFileSync(join(outDir, 'environment.json'), 'utf8'));
        assert.equal(env.armEndpoint, ready);
        assert.ok(existsSync(join(outDir, 'az-cloud.json')) && existsSync(env.caCertPath));
        const code = await new Promise<number | null>((resolve) => {
            child.removeAllListeners('exit');
            child.on('exit', resolve);
            child.kill('SIGTERM');
        });
        assert.equal(code, 0);
    });
});
