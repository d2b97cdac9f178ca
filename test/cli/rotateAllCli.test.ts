import '../support/resolve-localhost.cjs';
import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SubscriptionTarget } from '../../src/auth/SubscriptionSource';
import { readFleet } from '../../src/domain/fleet/readFleet';
import type { FleetRotationPlan } from '../../src/domain/fleet/rotateAll/FleetRotation';
import { planFleetRotation } from '../../src/domain/fleet/rotateAll/planFleetRotation';
import { runFleetRotation } from '../../src/domain/fleet/rotateAll/runFleetRotation';
import { formatKeyIdentifier, parseKeyIdentifier } from '../../src/domain/keys/keyIdentifier';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { connectToEmulator } from '../support/connectToEmulator';
import { azJson, runAz } from './runAz';

// Rotate All Registries Using This Key run by the extension's domain code, then read back by the stock Azure CLI:
// `az acr encryption show` on a sample of the rotated registries prints the key and identity the plan promised.
describe('stock Azure CLI: the registries agree after Rotate All', function () {
    this.timeout(300_000);
    let emulator: RunningEmulator;
    let outDir: string;
    let configDir: string;
    let targets: SubscriptionTarget[];
    const az = async (...args: string[]) => azJson(await runAz(args, { environment: emulator.environment, outDir, configDir }));

    before(async () => {
        outDir = mkdtempSync(path.join(tmpdir(), 'acr-cmk-cli-rotate-all-'));
        configDir = mkdtempSync(path.join(tmpdir(), 'acr-cmk-cli-rotate-all-az-'));
        // Every registry CMK, spread over 3 vaults × 2 keys in turn: 6 registries on each key (test/emulator/seed.ts).
        emulator = await startEmulator({ port: 0, outDir, seed: 'subscriptions=1,registries=36,cmk=1' });
        const env = emulator.environment;
        targets = await (await connectToEmulator(env, readFileSync(env.caCertPath, 'utf8'))).source.listAllSubscriptions();
        await az('cloud', 'register', '-n', 'Emulator', '--cloud-config', `@${path.join(outDir, 'az-cloud.json')}`);
        await az('cloud', 'set', '-n', 'Emulator');
        await az('login', '--service-principal', '-u', env.clientId, '-p', env.clientSecret, '--tenant', env.tenantId);
        await az('account', 'set', '--subscription', env.subscriptions[0]!.id);
    });
    after(async () => {
        await emulator?.stop();
        for (const dir of [outDir, configDir]) {
            if (dir) rmSync(dir, { recursive: true, force: true });
        }
    });

    /** The registries the Keys view lists under a key of the RBAC vault (pinned versions, user-assigned identity). */
    async function usersOfKey(keyName: string) {
        const fleet = await readFleet(targets);
        const vault = fleet.vaults.find((candidate) => candidate.name.startsWith('kv-rb-'));
        assert.ok(vault, 'the seed has an RBAC vault');
        const keyId = `${vault.vaultUri.replace(/\/$/, '')}/keys/${keyName}`;
        const users = fleet.registries.filter(
            (registry) =>
                registry.encryption.status === 'enabled' &&
                registry.encryption.key &&
                formatKeyIdentifier(registry.encryption.key, { versionless: true }).toLowerCase() === keyId.toLowerCase(),
        );
        return { keyId, key: { ...parseKeyIdentifier(keyId, targets[0]!.factory.cloud), version: undefined }, users };
    }

    /** What the plan promised one registry: the identity (a user-assigned identity's client id, or `system`). */
    const promisedIdentity = (plan: FleetRotationPlan, registryId: string): string => {
        const entry = plan.entries.find((candidate) => candidate.registry.id === registryId);
        assert.ok(entry?.kind === 'change', `${registryId} is planned to change`);
        return entry.plan.identity.kind === 'user' ? entry.plan.identity.clientId : 'system';
    };

    const show = async (name: string) =>
        (await az('acr', 'encryption', 'show', '-n', name)) as {
            status: string;
            keyVaultProperties: { keyIdentifier: string; versionedKeyIdentifier: string; identity: string };
        };

    it('after moving every registry on a key to one new version, az acr encryption show prints that version and the planned identity', async () => {
        const { keyId, key, users } = await usersOfKey('cmk-key-1');
        assert.strictEqual(users.length, 6, 'six registries share the key');
        const factory = targets[0]!.factory;
        const plan = await planFleetRotation(factory, {
            key,
            registries: users.map(({ id, name }) => ({ id, name })),
            target: { kind: 'newVersion' },
            versionless: false,
            subscriptionIds: targets.map((target) => target.subscriptionId),
        });
        const sample = [users[0]!, users[2]!, users[5]!];
        const before = await Promise.all(sample.map((registry) => show(registry.name)));
        const result = await runFleetRotation(factory, plan);
        assert.deepStrictEqual(
            result.outcomes.map((outcome) => outcome.kind),
            users.map(() => 'switched'),
        );
        assert.ok(result.createdVersion, 'one new version for all');
        const newKeyId = `${keyId}/${result.createdVersion}`;
        for (const [index, registry] of sample.entries()) {
            const shown = await show(registry.name);
            assert.strictEqual(shown.status, 'enabled');
            assert.notStrictEqual(before[index]!.keyVaultProperties.keyIdentifier.toLowerCase(), newKeyId.toLowerCase(), 'it was on another version before');
            assert.strictEqual(shown.keyVaultProperties.keyIdentifier.toLowerCase(), newKeyId.toLowerCase(), registry.name);
            assert.strictEqual(shown.keyVaultProperties.versionedKeyIdentifier.toLowerCase(), newKeyId.toLowerCase(), registry.name);
            assert.strictEqual(shown.keyVaultProperties.identity, promisedIdentity(plan, registry.id), registry.name);
        }
    });

    it('after moving them to another key (versionless), az acr encryption show prints the key id the plan named and the planned identity', async () => {
        const { key, users } = await usersOfKey('cmk-key-2');
        const target = (await usersOfKey('cmk-key-1')).keyId;
        const factory = targets[0]!.factory;
        const plan = await planFleetRotation(factory, {
            key,
            registries: users.map(({ id, name }) => ({ id, name })),
            target: { kind: 'existing', keyId: target },
            versionless: true,
            subscriptionIds: targets.map((candidate) => candidate.subscriptionId),
        });
        const result = await runFleetRotation(factory, plan);
        assert.deepStrictEqual(
            result.outcomes.map((outcome) => outcome.kind),
            users.map(() => 'switched'),
        );
        for (const registry of [users[1]!, users[4]!]) {
            const entry = plan.entries.find((candidate) => candidate.registry.id === registry.id);
            assert.ok(entry?.kind === 'change' && entry.plan.targetKeyId, 'the plan names the key it switches to');
            const shown = await show(registry.name);
            assert.strictEqual(shown.keyVaultProperties.keyIdentifier.toLowerCase(), entry.plan.targetKeyId.toLowerCase(), registry.name);
            assert.strictEqual(shown.keyVaultProperties.keyIdentifier.toLowerCase(), target.toLowerCase(), `${registry.name}: versionless, on the other key`);
            assert.strictEqual(shown.keyVaultProperties.identity, promisedIdentity(plan, registry.id), registry.name);
        }
    });
});
