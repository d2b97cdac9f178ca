import * as assert from 'node:assert/strict';
import type { SubscriptionTarget } from '../../../src/auth/SubscriptionSource';
import { enableVaultAudit, AUDIT_SETTING_NAME } from '../../../src/domain/audit/enableVaultAudit';
import { keyUsageQuery, usagePrincipals } from '../../../src/domain/audit/keyUsageQuery';
import { readVaultAudit } from '../../../src/domain/audit/vaultAudit';
import { workspaceChoices } from '../../../src/domain/audit/workspaceChoices';
import { isDomainError } from '../../../src/domain/errors';
import { keysInUse, type VaultInUse } from '../../../src/domain/fleet/keysInUse';
import { readFleet } from '../../../src/domain/fleet/readFleet';
import { startEmulatorWorld, type EmulatorWorld } from '../domain/emulatorWorld';

// The key usage audit over the emulator's sample world: a vault's AuditEvent logs start off, go to the subscription's
// Log Analytics workspace through a real diagnostic setting, and the KQL names the key and the registries' identities.
describe('audit: key vault audit logs to Log Analytics, and the key usage query', function () {
    this.timeout(180_000);
    let world: EmulatorWorld;
    let targets: SubscriptionTarget[];
    let vault: VaultInUse;
    const factory = () => targets.find((t) => t.subscriptionId.toLowerCase() === vault.vault!.subscriptionId.toLowerCase())!.factory;

    before(async () => {
        world = await startEmulatorWorld({ seed: 'sample' });
        targets = await world.source.listAllSubscriptions();
        const first = world.emulator.environment.subscriptions[0]!.id.toLowerCase();
        const vaults = keysInUse(await readFleet(targets, 'resourceManager'));
        vault = vaults.find((v) => v.vault?.subscriptionId.toLowerCase() === first)!;
        assert.ok(vault, 'the sample world has a vault in use in its first subscription');
    });
    after(() => world?.stop());

    it('off → send to the workspace → on, naming the workspace; a second run writes nothing', async () => {
        assert.deepEqual(await readVaultAudit(factory(), vault.vault!), { state: 'off' });
        const choices = await workspaceChoices(factory(), vault.vault!.subscriptionId);
        assert.deepEqual(
            choices.map((c) => c.name),
            ['log-contoso-security'],
        );
        const on = await enableVaultAudit(factory(), vault.vault!, choices[0]!.id);
        assert.deepEqual(on, { state: 'on', workspace: { id: choices[0]!.id, name: 'log-contoso-security' }, settingName: AUDIT_SETTING_NAME });
        assert.deepEqual(await readVaultAudit(factory(), vault.vault!), on, 'read back from Azure Monitor');
        const seen = (await world.requests()).lastSeq;
        assert.deepEqual(await enableVaultAudit(factory(), vault.vault!, choices[0]!.id.toUpperCase()), on);
        const writes = (await world.requests(seen)).requests.filter((r) => r.method === 'PUT');
        assert.deepEqual(writes, [], 'already on to that workspace: no second setting (Azure would answer 409)');
    });

    it('a workspace that is gone is AuditWorkspaceNotFound, and nothing changes', async () => {
        const gone = `/subscriptions/${vault.vault!.subscriptionId}/resourceGroups/rg-security-1/providers/Microsoft.OperationalInsights/workspaces/log-gone`;
        await assert.rejects(
            enableVaultAudit(factory(), vault.vault!, gone),
            (error: unknown) => isDomainError(error) && error.code === 'AuditWorkspaceNotFound' && error.params.workspace === 'log-gone',
        );
        assert.equal((await readVaultAudit(factory(), vault.vault!)).state, 'on');
    });

    it('the key usage query names the key and the principal id of every registry using it', () => {
        const key = vault.keys[0]!;
        const { principals, unresolved } = usagePrincipals(key.users);
        assert.deepEqual(unresolved, []);
        const expected = new Set(key.users.map((u) => (u.encryption.identity as { principalId: string }).principalId.toLowerCase()));
        assert.deepEqual(new Set(principals.map((p) => p.principalId)), expected);
        assert.deepEqual(principals.flatMap((p) => p.registries).sort(), key.users.map((u) => u.registry.name).sort());
        const kql = keyUsageQuery(key, principals);
        assert.ok(kql.startsWith('AzureDiagnostics\n'));
        assert.ok(kql.includes(`| where id_s startswith "${key.vaultUrl.replace(/\/+$/, '')}/keys/${key.keyName}/"`), kql);
        assert.ok(kql.includes('OperationName in ("KeyWrap", "KeyUnwrap")'));
        for (const id of expected) assert.ok(kql.includes(`"${id}"`), `${id} in ${kql}`);
        for (const user of key.users) assert.ok(kql.includes(user.registry.name));
    });

    it('without principals the query lists every caller and stays valid (no empty in~ list)', () => {
        const kql = keyUsageQuery({ vaultUrl: 'https://kv.vault.azure.net/', keyName: 'k"1' }, []);
        assert.ok(!kql.includes('in~ ()'));
        assert.ok(kql.includes('startswith "https://kv.vault.azure.net/keys/k\\"1/"'), kql);
    });
});
