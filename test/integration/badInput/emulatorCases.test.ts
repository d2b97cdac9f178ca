import '../../unit/badInput/vscodeStandIn';
import * as assert from 'node:assert/strict';
import { recordShownMessages } from '../../security/shownMessages';
import { admin } from '../emulator/harness';
import { startBadInputWorld, type BadInputWorld } from './badInputWorld';
import { emulatorCatalogue, type EmulatorBadInputCase } from './emulatorCases';
import { shownMessage } from './scenarios';

/** The emulator's world without what changes by itself (timestamps of reads are not kept, so the whole state compares). */
const worldState = async (w: BadInputWorld): Promise<string> => JSON.stringify((await admin(w.emulator, 'GET', 'state')).body);

describe('bad input catalogue: domain operations against the emulator', function () {
    this.timeout(180000);
    let world: BadInputWorld;
    const shown: string[] = [];

    before(async () => {
        world = await startBadInputWorld();
    });
    after(async () => {
        recordShownMessages('bad-input-emulator', shown);
        console.log(
            `      bad input: ${emulatorCatalogue.length} cases against the emulator (${emulatorCatalogue.filter((c) => c.sends === 'nothing').length} refused before any request)`,
        );
        await world?.emulator.stop();
    });

    const fill = (text: string) =>
        text
            .replace(/\{suffix\}/g, world.cloud.keyVaultDnsSuffix)
            .replace(/\{port\}/g, String(world.emulator.port))
            .replace(/\{principalId\}/g, world.identity.principalId)
            .replace(/\{ecKeyId\}/g, world.ecKeyId)
            .replace(/\{offKeyId\}/g, world.offKeyId);

    for (const c of emulatorCatalogue as EmulatorBadInputCase[]) {
        it(`${c.flow}: ${c.input} → refused${c.sends === 'nothing' ? ', nothing sent' : ', Azure unchanged'}`, async () => {
            const seq = await world.lastSeq();
            const before = await worldState(world);
            const message = await shownMessage(world, c.id);
            shown.push(message);
            assert.equal(message, fill(c.message));
            if (c.sends === 'nothing') {
                assert.deepEqual(await world.methodsSince(seq), [], 'no request reached the emulator');
            }
            assert.equal(await worldState(world), before, "the emulator's state is unchanged");
        });
    }
});
