import * as assert from 'node:assert';
import { useSignedInSandbox } from './runAz';

// The stock Azure CLI's `az monitor` commands against the emulator's Log Analytics workspaces and key vault diagnostic
// settings: an independent client of the same contract the extension's key usage audit uses.
describe('stock Azure CLI: key vault audit logs to Log Analytics (az monitor)', function () {
    this.timeout(240_000);
    const signedIn = useSignedInSandbox();
    const az = signedIn.az;
    let vaultId = '';
    let workspaceId = '';

    it("az monitor log-analytics workspace list/show: the sample world's workspace", async () => {
        const workspaces: { id: string; name: string; customerId: string; provisioningState: string }[] = await az(
            'monitor',
            'log-analytics',
            'workspace',
            'list',
        );
        assert.deepStrictEqual(
            workspaces.map((w) => w.name),
            ['log-contoso-security'],
        );
        workspaceId = workspaces[0]!.id;
        const shown = await az('monitor', 'log-analytics', 'workspace', 'show', '-g', 'rg-security-1', '-n', 'log-contoso-security');
        assert.strictEqual(shown.customerId, workspaces[0]!.customerId);
        assert.strictEqual(shown.provisioningState, 'Succeeded');
    });

    it('az monitor diagnostic-settings create/list on a vault; a second setting reusing the sink for AuditEvent is refused', async () => {
        const vaults: { id: string }[] = await az('keyvault', 'list');
        vaultId = vaults[0]!.id;
        assert.deepStrictEqual(await az('monitor', 'diagnostic-settings', 'list', '--resource', vaultId), []);
        const created = await az(
            'monitor',
            'diagnostic-settings',
            'create',
            '--resource',
            vaultId,
            '-n',
            'cli-audit',
            '--workspace',
            workspaceId,
            '--logs',
            '[{"category":"AuditEvent","enabled":true}]',
        );
        assert.strictEqual(created.name, 'cli-audit');
        assert.strictEqual(created.workspaceId, workspaceId);
        const listed: { name: string; logs: { category: string; enabled: boolean }[] }[] = await az(
            'monitor',
            'diagnostic-settings',
            'list',
            '--resource',
            vaultId,
        );
        assert.deepStrictEqual(
            listed.map((s) => [s.name, s.logs.map((l) => l.category)]),
            [['cli-audit', ['AuditEvent']]],
        );
        const reused = await signedIn.sandbox.az([
            'monitor',
            'diagnostic-settings',
            'create',
            '--resource',
            vaultId,
            '-n',
            'cli-all',
            '--workspace',
            workspaceId,
            '--logs',
            '[{"categoryGroup":"allLogs","enabled":true}]',
        ]);
        assert.notStrictEqual(reused.exitCode, 0, reused.stdout);
        assert.match(reused.stderr, /Data sinks can't be reused in different settings on the same category for the same resource/);
        await az('monitor', 'diagnostic-settings', 'delete', '--resource', vaultId, '-n', 'cli-audit');
        assert.deepStrictEqual(await az('monitor', 'diagnostic-settings', 'list', '--resource', vaultId), []);
    });
});
