// A flow run in its own process that kills itself (SIGKILL: no cleanup, no last write) at one journal record, as a
// window reload or a crash of the extension host does. Input: a JSON file (argv[2]). Exits 0 when the run ended
// before reaching the crash point.
import { readFileSync } from 'node:fs';
import type { JournalEntry } from '../../../src/domain/engine/JournalEntry';
import { FileJournalStore, type JournalStore } from '../../../src/domain/engine/JournalStore';
import { StoredRevocations } from '../../../src/domain/revoke/RevocationRecord';
import type { EmulatorEnvironment } from '../../emulator';
import { connectToEmulator } from '../../support/connectToEmulator';
import { testClientOptions } from '../domain/emulatorWorld';
import { runScenario, type ScenarioInput } from './crashScenarios';
import { FileStorage } from './fileStorage';

export type CrashMode = 'beforeRequest' | 'inFlight' | 'afterRequest';
/** `registry` (1-based, Rotate All): the crash hits that registry's journal only; a change shared by all is recorded in each in turn. */
export interface CrashPoint {
    readonly step: string;
    readonly mode: CrashMode;
    readonly registry?: number;
}
export interface ChildInput extends ScenarioInput {
    readonly environment: EmulatorEnvironment;
    readonly ca: string;
    readonly journalDir: string;
    readonly revocationsFile: string;
    readonly crash: CrashPoint;
}

/**
 * beforeRequest: the step's "started" record is written, its request never sent. inFlight: Azure accepted the
 * long-running change (its operation is recorded) and is still working on it. afterRequest: Azure made the change,
 * the "done" record is never written.
 */
class CrashingStore implements JournalStore {
    constructor(
        private readonly inner: JournalStore,
        private readonly crash: CrashPoint,
        private readonly registryId?: string,
    ) {}
    list() {
        return this.inner.list();
    }
    remove(id: string) {
        return this.inner.remove(id);
    }
    async write(entry: JournalEntry): Promise<void> {
        const last = entry.changes[entry.changes.length - 1];
        const matches =
            last !== undefined &&
            (last.step === this.crash.step || last.step.startsWith(`${this.crash.step}:`)) &&
            (this.registryId === undefined || entry.registryId === this.registryId);
        const mode: CrashMode | undefined = !matches ? undefined : last.status === 'done' ? 'afterRequest' : last.operation ? 'inFlight' : 'beforeRequest';
        if (mode === this.crash.mode && this.crash.mode === 'afterRequest') {
            process.kill(process.pid, 'SIGKILL');
        }
        await this.inner.write(entry);
        if (mode === this.crash.mode) {
            process.kill(process.pid, 'SIGKILL');
        }
    }
}

async function main(): Promise<void> {
    const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ChildInput;
    const { source } = await connectToEmulator(input.environment, input.ca, testClientOptions);
    const target = (await source.listAllSubscriptions()).find((candidate) => candidate.subscriptionId === input.subscriptionIds[0])!;
    const registryId = input.crash.registry ? input.registryIds![input.crash.registry - 1] : undefined;
    const journals = new CrashingStore(new FileJournalStore(input.journalDir), input.crash, registryId);
    await runScenario(target.factory, input, journals, new StoredRevocations(new FileStorage(input.revocationsFile)));
}

main().then(
    () => process.exit(0),
    (error: unknown) => {
        console.error(error);
        process.exit(3);
    },
);
