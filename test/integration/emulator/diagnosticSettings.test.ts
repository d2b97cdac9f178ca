import { strict as assert } from 'node:assert';
import { MonitorClient } from '@azure/arm-monitor';
import { OperationalInsightsManagementClient } from '@azure/arm-operationalinsights';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import type { RunningEmulator } from '../../emulator/index';
import { armOptions, armToken, call, credentialFor, startForSuite } from './harness';
import { failure } from './clients';

// Key Vault audit logs through the real @azure/arm-monitor and @azure/arm-operationalinsights clients (and plain HTTPS
// where the answer's exact JSON matters): diagnostic settings on a vault, Log Analytics workspaces.
describe('emulator: diagnostic settings on key vaults and Log Analytics workspaces', function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let sub: string;
    let monitor: MonitorClient;
    let insights: OperationalInsightsManagementClient;
    let vaultId: string;
    let workspaceId: string;
    const uri = (id: string): string => id.replace(/^\//, ''); // the SDK's `{+resourceUri}` template adds the leading slash

    before(async () => {
        emu = await startForSuite('diagnostic-settings', { seed: 'sample' });
        sub = emu.environment.subscriptions[0]!.id;
        const credential = credentialFor(emu);
        monitor = new MonitorClient(credential, sub, armOptions(emu));
        insights = new OperationalInsightsManagementClient(credential, sub, armOptions(emu));
        for await (const vault of new KeyVaultManagementClient(credential, sub, armOptions(emu)).vaults.listBySubscription()) {
            vaultId ??= vault.id!;
        }
    });
    after(() => emu.stop());

    it('the sample world has one workspace and no diagnostic settings', async () => {
        const all = [];
        for await (const w of insights.workspaces.list()) all.push(w);
        assert.equal(all.length, 1);
        assert.match(all[0]!.customerId!, /^[0-9a-f-]{36}$/);
        assert.equal(all[0]!.provisioningState, 'Succeeded');
        workspaceId = all[0]!.id!;
        const settings = [];
        for await (const s of monitor.diagnosticSettings.list(uri(vaultId))) settings.push(s);
        assert.deepEqual(settings, []);
    });

    it('creates a workspace (201 Creating, then Succeeded), gets and lists it by group, deletes it', async () => {
        const created = await insights.workspaces.createOrUpdate('rg-security-1', 'log-second', {
            location: 'eastus',
            sku: { name: 'PerGB2018' },
            retentionInDays: 60,
        });
        assert.equal(created.provisioningState, 'Succeeded');
        assert.equal(created.retentionInDays, 60);
        assert.equal((await insights.workspaces.get('RG-SECURITY-1', 'LOG-SECOND')).customerId, created.customerId);
        const names = [];
        for await (const w of insights.workspaces.listByResourceGroup('rg-security-1')) names.push(w.name);
        assert.deepEqual(names.sort(), ['log-contoso-security', 'log-second']);
        await insights.workspaces.delete('rg-security-1', 'log-second');
        assert.equal((await failure(insights.workspaces.get('rg-security-1', 'log-second'))).statusCode, 404);
    });

    it('sends AuditEvent to the workspace: PUT 200, GET and list show it as recorded (lower-case target id, null destinations)', async () => {
        const put = await monitor.diagnosticSettings.createOrUpdate(uri(vaultId), 'key-audit', {
            workspaceId,
            logs: [{ category: 'AuditEvent', enabled: true }],
        });
        assert.equal(put.workspaceId, workspaceId);
        assert.deepEqual(
            put.logs?.map((l) => [l.category, l.enabled]),
            [['AuditEvent', true]],
        );
        const raw = await call(emu, 'GET', `${vaultId}/providers/Microsoft.Insights/diagnosticSettings/key-audit?api-version=2021-05-01-preview`, {
            token: await armToken(emu),
        });
        assert.equal(raw.status, 200);
        assert.equal(raw.body.id, `${vaultId.toLowerCase()}/providers/microsoft.insights/diagnosticSettings/key-audit`);
        assert.equal(raw.body.type, 'Microsoft.Insights/diagnosticSettings');
        assert.equal(raw.body.properties.storageAccountId, null);
        const listed = [];
        for await (const s of monitor.diagnosticSettings.list(uri(vaultId))) listed.push(s.name);
        assert.deepEqual(listed, ['key-audit']);
    });

    it('refuses what Azure refuses: a malformed or missing workspace, an unknown category, a reused sink', async () => {
        const malformed = await failure(
            monitor.diagnosticSettings.createOrUpdate(uri(vaultId), 'bad', {
                workspaceId: '1c11b111-111e-1f11-b111-beef1111c1e1',
                logs: [{ category: 'AuditEvent', enabled: true }],
            }),
        );
        assert.deepEqual([malformed.statusCode, malformed.code], [400, 'LinkedInvalidPropertyId']);
        const missing = await failure(
            monitor.diagnosticSettings.createOrUpdate(uri(vaultId), 'bad', {
                workspaceId: `${workspaceId}-gone`,
                logs: [{ category: 'AuditEvent', enabled: true }],
            }),
        );
        assert.deepEqual([missing.statusCode, missing.code], [404, 'ResourceNotFound']);
        const category = await failure(
            monitor.diagnosticSettings.createOrUpdate(uri(vaultId), 'bad', { workspaceId, logs: [{ category: 'Requests', enabled: true }] }),
        );
        assert.deepEqual([category.statusCode, category.code], [400, 'BadRequest']);
        // allLogs carries AuditEvent, which "key-audit" already sends to this workspace.
        const reused = await failure(
            monitor.diagnosticSettings.createOrUpdate(uri(vaultId), 'everything', { workspaceId, logs: [{ categoryGroup: 'allLogs', enabled: true }] }),
        );
        assert.deepEqual([reused.statusCode, reused.code], [409, 'Conflict']);
        assert.match(reused.message, /already used in diagnostic setting 'key-audit' for category 'AuditEvent'/);
        const raw = await call(emu, 'PUT', `${vaultId}/providers/Microsoft.Insights/diagnosticSettings/everything?api-version=2021-05-01-preview`, {
            token: await armToken(emu),
            body: { properties: { workspaceId, logs: [{ categoryGroup: 'audit', enabled: true }] } },
        });
        assert.equal(raw.body.code, 'Conflict', 'Azure Monitor answers {code, message} at the top level');
    });

    it('a missing vault is ResourceNotFound; delete removes the setting and a second delete is 204', async () => {
        const gone = await failure(monitor.diagnosticSettings.get(uri(vaultId.replace(/[^/]+$/, 'kv-missing')), 'key-audit'));
        assert.deepEqual([gone.statusCode, gone.code], [404, 'ResourceNotFound']);
        await monitor.diagnosticSettings.delete(uri(vaultId), 'KEY-AUDIT');
        assert.equal((await failure(monitor.diagnosticSettings.get(uri(vaultId), 'key-audit'))).statusCode, 404);
        const again = await call(emu, 'DELETE', `${vaultId}/providers/Microsoft.Insights/diagnosticSettings/key-audit?api-version=2021-05-01-preview`, {
            token: await armToken(emu),
        });
        assert.equal(again.status, 204);
    });
});
