import '../badInput/vscodeStandIn';
import * as assert from 'node:assert/strict';
import type { FleetWarning } from '../../../src/domain/fleet/report/fleetWarnings';
import { FleetWarningMarks, type FleetWarningsSource } from '../../../src/tree/fleetWarningMarks';
import { registry } from '../keysView/fleetSamples';

/** A Keys view stand-in: answers registryWarnings() with what the test resolves, and fires its fleet change on demand. */
class FakeFleet implements FleetWarningsSource {
    readonly asked: { resolve: (map: Map<string, FleetWarning[]>) => void; reject: (error: Error) => void }[] = [];
    private listeners: (() => void)[] = [];
    registryWarnings(): Promise<ReadonlyMap<string, readonly FleetWarning[]>> {
        return new Promise((resolve, reject) => this.asked.push({ resolve, reject }));
    }
    readonly onDidChangeFleet = (listener: () => void) => {
        this.listeners.push(listener);
        return {
            dispose: () => {
                this.listeners = this.listeners.filter((l) => l !== listener);
            },
        };
    };
    change(): void {
        this.listeners.forEach((listener) => listener());
    }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const expired: FleetWarning = { code: 'keyExpired', expiresOn: new Date('2027-01-01T00:00:00Z') };
const noPurge: FleetWarning = { code: 'noPurgeProtection', vault: 'kv-one' };

describe('Registries view: fleet warning marks', () => {
    const cmk = registry('alpha');
    const other = registry('beta');
    const plain = registry('plain', { cmk: false });

    it('reads nothing for the listing or for registries without a customer-managed key; the first CMK row starts one read, and the rows that got a mark are redrawn', async () => {
        const fleet = new FakeFleet();
        const redrawn: string[][] = [];
        const marks = new FleetWarningMarks((ids) => redrawn.push([...ids]));
        marks.readFrom(fleet);
        assert.equal(marks.get(plain), undefined);
        assert.equal(fleet.asked.length, 0, 'a service-managed registry has no fleet warning to read');
        assert.equal(marks.get(cmk), undefined, 'not read yet: no mark, and the row is not held up');
        assert.equal(marks.get(other), undefined);
        assert.equal(fleet.asked.length, 1, 'one read for every row');
        fleet.asked[0]!.resolve(new Map([[cmk.id.toLowerCase(), [expired]]]));
        await settle();
        assert.deepEqual(redrawn, [[cmk.id.toLowerCase()]]);
        assert.deepEqual(marks.get(cmk), [expired]);
        assert.equal(marks.get(other), undefined);
        assert.equal(fleet.asked.length, 1, 'the answer is kept');
    });

    it('a fleet change redraws the marked rows, and the next row drawn reads again (the stale marks shown meanwhile); only the rows whose warnings changed are redrawn; an answer of the fleet before the change is ignored', async () => {
        const fleet = new FakeFleet();
        const redrawn: string[][] = [];
        const marks = new FleetWarningMarks((ids) => redrawn.push([...ids].sort()));
        marks.readFrom(fleet);
        marks.get(cmk);
        fleet.asked[0]!.resolve(
            new Map([
                [cmk.id.toLowerCase(), [expired]],
                [other.id.toLowerCase(), [noPurge]],
            ]),
        );
        await settle();
        fleet.change();
        assert.equal(fleet.asked.length, 1, 'nothing read until a row is drawn');
        assert.deepEqual(redrawn.at(-1), [cmk.id.toLowerCase(), other.id.toLowerCase()].sort(), 'the marked rows are redrawn, so that a shown one asks');
        assert.deepEqual(marks.get(cmk), [expired], 'the stale mark while the fleet is read again');
        marks.get(other);
        assert.equal(fleet.asked.length, 2, 'one read for every row');
        fleet.change();
        marks.get(cmk);
        assert.equal(fleet.asked.length, 3);
        redrawn.length = 0;
        fleet.asked[2]!.resolve(new Map([[other.id.toLowerCase(), [noPurge]]]));
        await settle();
        fleet.asked[1]!.resolve(new Map());
        await settle();
        assert.deepEqual(redrawn, [[cmk.id.toLowerCase()]], 'only the registry whose key was fixed');
        assert.equal(marks.get(cmk), undefined);
        assert.deepEqual(marks.get(other), [noPurge]);
        assert.equal(fleet.asked.length, 3, 'the answer is kept');
    });

    it('a fleet change before any mark was asked for, or while no row is drawn, reads nothing; a failed read shows no marks and is not retried on every row until the fleet changes', async () => {
        const fleet = new FakeFleet();
        const marks = new FleetWarningMarks(() => undefined);
        marks.readFrom(fleet);
        fleet.change();
        assert.equal(fleet.asked.length, 0);
        marks.get(cmk);
        fleet.asked[0]!.reject(new Error('Resource Graph: 403'));
        await settle();
        assert.equal(marks.get(cmk), undefined);
        assert.equal(marks.get(other), undefined);
        assert.equal(fleet.asked.length, 1);
        fleet.change();
        fleet.change();
        assert.equal(fleet.asked.length, 1, 'no row drawn since: no read');
        marks.get(cmk);
        assert.equal(fleet.asked.length, 2);
    });
});
