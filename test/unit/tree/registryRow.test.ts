import '../badInput/vscodeStandIn';
import * as assert from 'node:assert/strict';
import type { FleetWarning } from '../../../src/domain/fleet/report/fleetWarnings';
import { registryRowItem } from '../../../src/tree/registryRow';
import { registry } from '../keysView/fleetSamples';
import { marksOf, nodeOf, rowOf } from './registryRows';
import { useTreeItemStandIn } from './treeItemStandIn';

describe('a registry row, as the Registries view and the Azure sidebar both draw it (registryRowItem)', () => {
    useTreeItemStandIn();
    // A healthy CMK registry: its system-assigned identity is on.
    const alpha = registry('alpha', { identity: { kind: 'system', principalId: 'p-alpha' } });
    const id = alpha.id.toLowerCase();
    const expiring: FleetWarning = { code: 'keyExpiresSoon', expiresOn: new Date('2027-01-25T00:00:00Z'), days: 10 };
    const disabled: FleetWarning = { code: 'keyDisabled' };

    it("without a mark: the registry's own label, description, icon, tooltip and contextValue", () => {
        const row = rowOf(registryRowItem(nodeOf(alpha), marksOf()));
        assert.equal(row.label, 'alpha');
        assert.equal(row.description, 'Premium · customer-managed key');
        assert.equal(row.icon, 'lock charts.green');
        assert.equal(row.contextValue, 'registry;encryption:cmk;identity:system;rotation:automatic');
        assert.match(row.tooltip, /^\*\*alpha\*\*/);
    });

    it("fleet warnings: the warning icon, a description suffix, one tooltip line per warning in the report's words, ;fleet:warning", () => {
        const row = rowOf(registryRowItem(nodeOf(alpha), marksOf({ [id]: [expiring] })));
        assert.equal(row.description, 'Premium · customer-managed key · ⚠ 1 fleet warning');
        assert.equal(row.icon, 'warning list.warningForeground');
        assert.equal(row.contextValue, 'registry;encryption:cmk;identity:system;rotation:automatic;fleet:warning');
        assert.match(row.tooltip, /\$\(warning\) The key expires in 10 days \(2027-01-25\)\.$/);
    });

    it('a revocation over fleet warnings: both in the description, contextValue and tooltip; the revoked icon on top', () => {
        const row = rowOf(registryRowItem(nodeOf(alpha), marksOf({ [id]: [disabled, expiring] }, [id])));
        assert.equal(row.description, 'Premium · customer-managed key · ⚠ 2 fleet warnings · key access revoked');
        assert.equal(row.icon, 'circle-slash errorForeground');
        assert.equal(row.contextValue, 'registry;encryption:cmk;identity:system;rotation:automatic;fleet:error;keyAccess:revoked');
        assert.match(row.tooltip, /\$\(error\) The key's latest version is disabled\.[\s\S]*\$\(circle-slash\) Key access revoked/);
    });

    it('an interrupted flow: the pause icon, "interrupted", its summary in the tooltip, ;interrupted (the journal\'s mark, through the same KeyAccessMarks)', () => {
        const marks = marksOf();
        marks.keyAccessMarks.set(alpha.id.toUpperCase(), { kind: 'interrupted', summary: 'Rotate Key was cut off at step 2 of 4.' });
        const row = rowOf(registryRowItem(nodeOf(alpha), marks));
        assert.equal(row.description, 'Premium · customer-managed key · interrupted');
        assert.equal(row.icon, 'debug-pause list.warningForeground');
        assert.equal(row.contextValue, 'registry;encryption:cmk;identity:system;rotation:automatic;interrupted');
        assert.match(row.tooltip, /\$\(debug-pause\) Rotate Key was cut off at step 2 of 4\.$/);
    });

    it('a Restore interrupted on a revoked registry: both marks, the pause icon of the decision it waits for on top', () => {
        const marks = marksOf({}, [id]);
        marks.keyAccessMarks.set(alpha.id, { kind: 'interrupted', summary: 'Restore Key Access was interrupted on this registry.' });
        const row = rowOf(registryRowItem(nodeOf(alpha), marks));
        assert.equal(row.description, 'Premium · customer-managed key · key access revoked · interrupted');
        assert.equal(row.icon, 'debug-pause list.warningForeground');
        assert.equal(row.contextValue, 'registry;encryption:cmk;identity:system;rotation:automatic;keyAccess:revoked;interrupted');
        assert.match(row.tooltip, /\$\(circle-slash\) Key access revoked[\s\S]*\$\(debug-pause\) Restore Key Access was interrupted on this registry\.$/);
    });

    it('marks of another registry stay off this row', () => {
        const beta = registry('beta', { identity: { kind: 'system', principalId: 'p-beta' } });
        const row = rowOf(registryRowItem(nodeOf(beta), marksOf({ [id]: [disabled] }, [id])));
        assert.equal(row.description, 'Premium · customer-managed key');
        assert.equal(row.icon, 'lock charts.green');
    });
});
