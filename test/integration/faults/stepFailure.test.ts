// Every flow that changes Azure ends a failed change in the one error type, StepFailure: the flow, the change that
// failed, the changes completed before it, and Azure's error as its cause; the code (asserted per flow by the fault
// matrix) says what Azure now holds. Each flow's first change (and a rotation's second) is refused here with a 403.
import * as assert from 'node:assert';
import { isStepFailure, type StepFailureCode } from '../../../src/domain/engine/StepFailure';
import type { JournalFlow } from '../../../src/domain/engine/JournalEntry';
import type { FlowSpec } from './flowSpec';
import { startFaultWorld, type FaultWorld } from './faultWorld';
import { createFlow } from './flows/createFlows';
import { restoreFlow, revokeFlow } from './flows/keyAccessFlows';
import { rotateFlow } from './flows/rotationFlows';

interface Case {
    readonly spec: FlowSpec<never>;
    readonly flow: JournalFlow;
    /** The write refused with a 403. */
    readonly method: string;
    readonly pathPattern: string;
    readonly step: RegExp;
    readonly codes: readonly StepFailureCode[];
    /** The changes completed before the refused one (none when it is the first). */
    readonly completed?: readonly string[];
}

const refused = { status: 403, code: 'InjectedForbidden', message: 'The client does not have authorization (injected 403).' };

const cases: readonly Case[] = [
    { spec: createFlow, flow: 'create', method: 'PUT', pathPattern: '/resourcegroups/rg-fault-create$', step: /^resourceGroup$/, codes: ['CreateStepFailed'] },
    { spec: rotateFlow, flow: 'rotate', method: 'POST', pathPattern: '/keys/[^/]+/create$', step: /^createKeyVersion$/, codes: ['RotationStepFailed'] },
    {
        spec: rotateFlow,
        flow: 'rotate',
        method: 'PATCH',
        pathPattern: '/registries/[^/]+$',
        step: /^switchEncryption$/,
        completed: ['createKeyVersion'],
        codes: ['RotationStepFailed'],
    },
    { spec: revokeFlow, flow: 'revoke', method: 'PUT', pathPattern: '/accessPolicies/remove$', step: /^removeGrant/, codes: ['RevokeStepFailed'] },
    { spec: restoreFlow, flow: 'restore', method: 'PUT', pathPattern: '/accessPolicies/add$', step: /^regrant/, codes: ['RestoreStepFailed'] },
].map((c) => ({ ...c, spec: c.spec as FlowSpec<never> }) as Case);

describe('one step-failure error: every flow reports a failed change as a StepFailure', function () {
    this.timeout(120000);
    let w: FaultWorld;

    before(async () => {
        w = await startFaultWorld();
    });
    after(async () => {
        await w?.stop();
    });

    for (const c of cases) {
        it(`${c.flow}: ${c.completed ? `the change after ${c.completed.join(', ')}` : 'its first change'} refused — the flow, the step, what completed, Azure's error as the cause`, async () => {
            await w.reset();
            const input = await c.spec.prepare(w);
            await w.addFault({ method: c.method, pathPattern: c.pathPattern, nth: 1, action: refused });
            const error = await c.spec.run(w, input).then(
                () => undefined,
                (thrown: unknown) => thrown,
            );
            const fired = await w.faultsFired();
            await w.clearFaults();
            assert.strictEqual(fired, 1, 'the refused request was sent once');
            assert.ok(isStepFailure(error), `a StepFailure, got ${String(error)}`);
            assert.strictEqual(error.flow, c.flow);
            assert.match(error.step, c.step);
            assert.deepStrictEqual(error.completed, c.completed ?? []);
            assert.ok(c.codes.includes(error.code), `code ${error.code}`);
            assert.match(String((error.cause as { code?: string })?.code ?? error.cause), /InjectedForbidden/);
        });
    }
});
