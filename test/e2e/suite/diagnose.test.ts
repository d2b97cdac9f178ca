// Diagnose Key Access in the real extension host: the Markdown report, the cause of a revoked registry with its
// fix applied through the command, problems mirrored in the tree, and Diagnose All over every CMK registry.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { getEmulatorJson } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { runCommandWithInputs } from './commandInputs';
import { activateExtension, type AcrCmkTestApi } from './extensionApi';
import { accessibleCmkRegistry, findRow, grantsNow, keyAccess, revoke } from './keyAccessWorld';

interface Finding {
    check: string;
    status: string;
    code: string;
    fix?: { kind: string };
}
interface Diagnosis {
    registryId: string;
    status: string;
    findings: Finding[];
}

// Diagnose asks nothing for a registry it is given (its fix offer, when there is a problem, waits after the command).
const diagnose = (registryId: string) => runCommandWithInputs<Diagnosis>('acrCmk.diagnoseKeyAccess', [registryId], []).then((d) => d!);
const openMarkdown = () => vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown').map((d) => d.getText());

describe('Diagnose Key Access', () => {
    let api: AcrCmkTestApi;
    let registry: WorldRegistry;

    before(async () => {
        api = await activateExtension();
        registry = await accessibleCmkRegistry(1);
    });

    it('reports every link of a healthy registry and opens the report', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const diagnosis = await diagnose(registry.id);
        assert.deepStrictEqual(
            diagnosis.findings.filter((f) => f.status === 'error' || f.status === 'warning'),
            [],
        );
        for (const check of ['identity', 'vault', 'vaultRecovery', 'firewall', 'access', 'key', 'keyEnabled', 'keyExpiry', 'rotation']) {
            assert.ok(
                diagnosis.findings.some((f) => f.check === check),
                `checked ${check}`,
            );
        }
        const report = openMarkdown().find((text) => text.includes(registry.name));
        assert.ok(report, 'the Markdown report is open');
        assert.match(report, /# Key access diagnosis/);
        assert.match(report, /Key permissions/);
    });

    it('names a removed grant as the cause, mirrors it in the tree, and its fix restores access', async () => {
        const before = await grantsNow();
        await runCommandWithInputs('acrCmk.revokeKeyAccess', [registry.id], [revoke.removeAccess, revoke.proceed, registry.name]);
        assert.strictEqual((await keyAccess(registry.id)).accessible, false);
        const diagnosis = await diagnose(registry.id);
        const cause = diagnosis.findings.find((f) => f.status === 'error');
        assert.ok(cause && ['accessPolicyMissing', 'roleMissing'].includes(cause.code), JSON.stringify(diagnosis.findings));
        assert.strictEqual(cause.fix?.kind, 'grantAccess');
        // The fix as Diagnose offered it (granting access asks no confirmation).
        await runCommandWithInputs('acrCmk.fixKeyAccess', [registry.id, cause.fix], []);
        assert.strictEqual((await keyAccess(registry.id)).accessible, true);
        const healed = await diagnose(registry.id);
        assert.deepStrictEqual(
            healed.findings.filter((f) => f.status === 'error'),
            [],
        );
        // Restore spends the revocation record (its grants are already back) and clears the "revoked" mark.
        await runCommandWithInputs('acrCmk.restoreKeyAccess', [registry.id], []);
        assert.deepStrictEqual(
            (await grantsNow()).filter((g) => !g.startsWith('role ')),
            before.filter((g) => !g.startsWith('role ')),
        );
        await api.refresh();
        assert.doesNotMatch(findRow(await api.getTreeSnapshot(), registry.id)?.contextValue ?? '', /keyAccess:/);
    });

    it('Diagnose All covers every CMK registry of the tree', async () => {
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const diagnoses = (await runCommandWithInputs<Diagnosis[]>('acrCmk.diagnoseAllKeyAccess', [], []))!;
        assert.deepStrictEqual(
            diagnoses.map((d) => d.registryId.toLowerCase()).sort(),
            cmkRegistries(world)
                .map((r) => r.id.toLowerCase())
                .sort(),
        );
        for (const diagnosis of diagnoses) {
            const accessible = (await keyAccess(diagnosis.registryId)).accessible;
            assert.strictEqual(
                diagnosis.status !== 'error',
                accessible,
                `${diagnosis.registryId}: Diagnose and the emulator agree (${JSON.stringify(diagnosis.findings.filter((f) => f.status === 'error'))})`,
            );
        }
        assert.ok(
            openMarkdown().some((text) => text.includes('registries checked')),
            'the summary report is open',
        );
    });
});
