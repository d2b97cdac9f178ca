import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findInterruptedRuns, groupInterruptedRuns } from '../../../src/domain/engine/interruptedRuns';
import { canCleanUp, doneSteps, inFlightChange, type JournalEntry } from '../../../src/domain/engine/JournalEntry';
import { FileJournalStore, MemoryJournalStore } from '../../../src/domain/engine/JournalStore';
import { RunJournal } from '../../../src/domain/engine/RunJournal';
import { restoreIdentityBody } from '../../../src/domain/rotate/registryPatches';

const start = {
    flow: 'rotate' as const,
    command: 'rotateKey',
    registryId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/r',
    registryName: 'r',
    subscriptionId: 's',
    plan: { steps: ['grantAccess', 'switchEncryption'] },
};

describe('journal of a run', () => {
    it('records started before done; the step in flight is the last one started and not done', async () => {
        const store = new MemoryJournalStore();
        const journal = await RunJournal.begin(store, start);
        await journal.started('enableSystemIdentity');
        await journal.done('enableSystemIdentity', { principalId: 'p' });
        await journal.started('grantAccess');
        const [entry] = await store.list();
        assert.deepEqual(
            entry!.changes.map((change) => `${change.step}:${change.status}`),
            ['enableSystemIdentity:started', 'enableSystemIdentity:done', 'grantAccess:started'],
        );
        assert.deepEqual(doneSteps(entry!), ['enableSystemIdentity']);
        assert.equal(inFlightChange(entry!)?.step, 'grantAccess');
        assert.deepEqual(entry!.state, { principalId: 'p' });
        assert.equal(entry!.owner.pid, process.pid);
    });

    it('keeps concurrent records in the order they were made (a create phase runs steps together)', async () => {
        const store = new MemoryJournalStore();
        const journal = await RunJournal.begin(store, { ...start, flow: 'create' });
        await Promise.all([journal.started('identity'), journal.started('vault'), journal.done('identity'), journal.done('vault')]);
        const [entry] = await store.list();
        assert.deepEqual(
            entry!.changes.map((change) => `${change.step}:${change.status}`),
            ['identity:started', 'vault:started', 'identity:done', 'vault:done'],
        );
        assert.equal(inFlightChange(entry!), undefined);
    });

    it('a finished run leaves no journal, and a late record after the end does not bring it back', async () => {
        const store = new MemoryJournalStore();
        const journal = await RunJournal.begin(store, start);
        await journal.started('grantAccess');
        await journal.finish();
        await journal.done('grantAccess');
        assert.deepEqual(await store.list(), []);
    });

    it('keeps a copy: the run changing its state object afterwards does not change what was recorded', async () => {
        const store = new MemoryJournalStore();
        const journal = await RunJournal.begin(store, start);
        const state = { completed: ['a'] };
        await journal.done('a', state);
        state.completed.push('b');
        assert.deepEqual((await store.list())[0]!.state, { completed: ['a'] });
    });

    it('offers Clean Up of a rotation only until the switch is done', () => {
        const entry = (steps: [string, 'started' | 'done'][]): JournalEntry => ({
            version: 1,
            id: 'i',
            ...start,
            state: null,
            startedAt: '',
            updatedAt: '',
            owner: { pid: 1, host: 'h' },
            changes: steps.map(([step, status]) => ({ step, status, at: '' })),
        });
        assert.equal(
            canCleanUp(
                entry([
                    ['grantAccess', 'done'],
                    ['switchEncryption', 'started'],
                ]),
            ),
            true,
        );
        assert.equal(
            canCleanUp(
                entry([
                    ['switchEncryption', 'started'],
                    ['switchEncryption', 'done'],
                ]),
            ),
            false,
        );
        assert.equal(canCleanUp({ ...entry([['registry', 'done']]), flow: 'create' }), true);
    });

    it('groups the registries of one fleet run into one offer; every other run is offered alone', () => {
        const run = (id: string, command: string, runId?: string): JournalEntry => ({
            version: 1,
            id,
            ...start,
            command,
            state: runId ? { runId, completed: [] } : null,
            startedAt: '',
            updatedAt: '',
            owner: { pid: 1, host: 'h' },
            changes: [],
        });
        const groups = groupInterruptedRuns([
            run('a', 'rotateAllUsingKey', 'r1'),
            run('b', 'rotateKey', 'r1'),
            run('c', 'rotateAllUsingKey', 'r1'),
            run('d', 'rotateAllUsingKey', 'r2'),
            run('e', 'enableAutoRotationUsingKey', 'r1'),
            run('f', 'rotateAllUsingKey'),
        ]);
        assert.deepEqual(
            groups.map((group) => group.entries.map((entry) => entry.id)),
            [['a', 'c'], ['b'], ['d'], ['e'], ['f']],
        );
        assert.equal(groups[0]!.id, 'rotateAllUsingKey:r1');
        assert.equal(groups[1]!.id, 'b', 'a single rotation that carries a run id (its key version tag) stays alone');
    });
});

describe('journal files', () => {
    let folder: string;
    beforeEach(() => {
        folder = mkdtempSync(path.join(tmpdir(), 'acr-cmk-journal-unit-'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('writes one file per run through a temporary file (no partial file is ever left), and removes it', async () => {
        const store = new FileJournalStore(folder);
        const journal = await RunJournal.begin(store, start);
        await journal.started('grantAccess');
        assert.deepEqual(readdirSync(folder), [`${journal.current.id}.json`]);
        assert.equal((await store.list())[0]!.changes.length, 1);
        await journal.finish();
        assert.deepEqual(readdirSync(folder), []);
    });

    it('skips what is not a journal (a torn or foreign file) instead of failing the start', async () => {
        const store = new FileJournalStore(folder);
        await RunJournal.begin(store, start);
        writeFileSync(path.join(folder, 'broken.json'), '{"version":1,');
        writeFileSync(path.join(folder, 'other.json'), '{"hello":"world"}');
        assert.equal((await store.list()).length, 1);
        assert.deepEqual(await new FileJournalStore(path.join(folder, 'missing')).list(), []);
    });

    it('offers only runs whose process is gone: a run of a window still open is not interrupted', async () => {
        const store = new MemoryJournalStore();
        const mine = await RunJournal.begin(store, start);
        await store.write({ ...mine.current, id: 'gone', owner: { pid: 2 ** 22 + 12345, host: mine.current.owner.host } });
        await store.write({ ...mine.current, id: 'elsewhere', owner: { pid: 2 ** 22 + 12345, host: 'another-machine' } });
        assert.deepEqual(
            (await findInterruptedRuns(store)).map((entry) => entry.id),
            ['gone'],
        );
    });
});

describe('taking back identities a run added', () => {
    it('turns off the system identity the run turned on and keeps the user-assigned ones', () => {
        const before = { type: 'UserAssigned' as const, userAssignedIdentities: { '/id/a': {} } };
        const now = { type: 'SystemAssigned, UserAssigned' as const, userAssignedIdentities: { '/id/a': {} } };
        assert.deepEqual(restoreIdentityBody(before, now), { identity: { type: 'UserAssigned', userAssignedIdentities: { '/id/a': {} } } });
    });

    it('removes (null) a user-assigned identity the run assigned, keeping the system identity that was there', () => {
        const before = { type: 'SystemAssigned' as const };
        const now = { type: 'SystemAssigned, UserAssigned' as const, userAssignedIdentities: { '/id/new': {} } };
        assert.deepEqual(restoreIdentityBody(before, now), { identity: { type: 'SystemAssigned', userAssignedIdentities: { '/id/new': null } } });
    });
});
