import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { faultKinds } from './faultKinds';
import { runFlowMatrix, type CaseResult } from './faultMatrix';
import type { FlowSpec } from './flowSpec';
import { createFlow, deployFlow } from './flows/createFlows';
import { restoreFlow, revokeFlow } from './flows/keyAccessFlows';
import { diagnoseFlow, listFlow, showFlow } from './flows/readFlows';
import { autoRotationFlow, firewallFlow, rotateFlow, systemIdentityFlow } from './flows/rotationFlows';

// Each flow's input type is its own; the matrix only passes it back to the same flow.
const flows = [
    listFlow,
    showFlow,
    createFlow,
    deployFlow,
    rotateFlow,
    systemIdentityFlow,
    autoRotationFlow,
    firewallFlow,
    revokeFlow,
    restoreFlow,
    diagnoseFlow,
] as FlowSpec<unknown>[];
// FAULT_FLOWS=create,rotate runs a subset while working on one flow; `npm test` runs them all.
const only = process.env.FAULT_FLOWS?.split(',').map((name) => name.trim());
const selected = flows.filter((flow) => !only || only.includes(flow.name));

describe('fault matrix: every request of every flow × every fault', function () {
    this.timeout(600000);
    // Each flow has its own emulator and runs its cases in order; the flows run side by side. A case mostly waits
    // (Retry-After, long-running operation polls, the timeout), so this divides the wall time without contention.
    const running = new Map<string, Promise<{ results: CaseResult[]; skipped: string[] }>>();
    const results: CaseResult[] = [];
    const skipped: string[] = [];
    const started = Date.now();

    before(() => {
        for (const flow of selected) {
            const matrix = runFlowMatrix(flow, faultKinds);
            matrix.catch(() => undefined); // awaited (and reported) by the flow's own test
            running.set(flow.name, matrix);
        }
    });

    after(async () => {
        await Promise.allSettled(running.values());
        const count = (outcome: CaseResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
        const failed = count('failed');
        console.log(
            `faults: ${results.length} injected, ${count('recovered')} recovered, ${count('reported')} reported, ${count('silent')} silent${failed ? `, ${failed} failed` : ''}` +
                ` (${skipped.length} combinations skipped by rule; ${Math.round((Date.now() - started) / 1000)} s)`,
        );
        const out = path.resolve(__dirname, '..', '..', '..', 'test-results');
        mkdirSync(out, { recursive: true });
        writeFileSync(path.join(out, 'fault-matrix.json'), JSON.stringify({ results, skipped }, undefined, 2));
    });

    for (const flow of selected) {
        it(`${flow.name}: transient faults recovered, the others reported with step and cause, state agrees, retry succeeds`, async () => {
            const matrix = await running.get(flow.name)!;
            results.push(...matrix.results);
            skipped.push(...matrix.skipped);
            assert.ok(matrix.results.length > 0, `${flow.name}: no case ran`);
            const bad = matrix.results.filter((r) => r.outcome === 'silent' || r.outcome === 'failed');
            assert.equal(
                bad.length,
                0,
                `${bad.length} of ${matrix.results.length} cases:\n${bad.map((r) => `  ${r.outcome}: ${r.request} × ${r.fault}: ${r.detail}`).join('\n')}`,
            );
        });
    }
});
