// One stock Azure CLI session per test file, and the two checks the rotate tests run after each branch:
// a successful flow (key-access says accessible, the CLI shows what the flow reported and was asked), and a
// refused one (the CLI shows the registry exactly as before the attempt).
import * as assert from 'node:assert/strict';
import type { RotationOutcome } from '../rotate/rotateAssertions';
import type { RotateWorld } from '../rotate/rotateWorld';
import { azUnavailableReason, startAzSession, type AzSession } from './azSession';
import { readRegistryViaCli } from './cliRegistryView';
import { assertCliAgreesWithRotation } from './rotationAgreement';

export interface CliAgreement {
    /** Whether the CLI half runs here (false: only key-access is checked, and a pending test says why). */
    readonly available: boolean;
    /** After a successful flow: the emulator can use the key, and `az acr encryption show` (and friends) agree. */
    agreesWith(outcome: RotationOutcome): Promise<void>;
    /** Runs a refused attempt; the CLI shows the registry's encryption and identities unchanged by it. */
    unchangedBy(registryId: string, attempt: () => Promise<unknown>): Promise<void>;
}

/**
 * Call inside a `describe`, after the `before` hook that starts the world. Without the Azure CLI (or root) the
 * CLI half of each check is left out and one pending test names why, so the skip shows in the report.
 */
export function cliAgreement(world: () => RotateWorld): CliAgreement {
    const unavailable = azUnavailableReason();
    let session: AzSession | undefined;
    if (unavailable) {
        it(`the stock Azure CLI agrees after each branch (skipped: ${unavailable})`, function () {
            this.skip();
        });
    } else {
        before(async () => {
            session = await startAzSession(world().world.emulator.environment);
        });
        after(() => session?.dispose());
    }
    return {
        available: !unavailable,
        async agreesWith(outcome) {
            const access = await world().keyAccess(outcome.plan.registry.id);
            assert.equal(access.accessible, true, `key-access: ${access.reason}`);
            if (session) await assertCliAgreesWithRotation(session, world().world.emulator.environment, outcome);
        },
        async unchangedBy(registryId, attempt) {
            const before = session ? await readRegistryViaCli(session, registryId) : undefined;
            await attempt();
            if (session) assert.deepEqual(await readRegistryViaCli(session, registryId), before, 'the CLI shows the registry unchanged');
        },
    };
}
