// Enable Automatic Rotation in the real extension host on an access-policy vault where the signed-in principal may
// create and read keys but lacks getrotationpolicy/setrotationpolicy: while planning, before any change, the command
// asks in a modal whether to add them. Declined, nothing changes; accepted, exactly those two are added, the registry
// moves to the versionless key and the policy is written. Every outcome is read back from the emulator's state.
// Own resource group, vault, key, identity and registry ("dar…": after the sample's "contoso…", before the create
// suite's "e2ecmk…", so the suites that take the first or last registry by name never get it).
import * as assert from 'node:assert/strict';
import { createRights, createRightsWorld, rightsState, type RightsWorld } from './autoRotationRightsWorld';
import { dismiss, runCommandWithInputs, type CommandInput, type ModalQuestion } from './commandInputs';
import { activateExtension } from './extensionApi';
import { confirmQuestion, rotation } from './rotationInputs';
import { keyAccessOf, securityGroup, setupFactory, stateNow } from './wizardBranchesWorld';

const suffix = Date.now().toString(36).slice(-5);
const rightsQuestion = 'Give yourself the key permissions to manage the rotation policy?';
// A policy rotating every 45 days, notifying 14 days before a version expires; then the modals (`afterPolicy`).
const policyInputs = [rotation.withPolicy, '45', '14'];
/** Runs the command; every modal question it asks is recorded (and `observe`d while it is open). */
async function enableAutoRotation(registryId: string, afterPolicy: CommandInput[], observe?: (question: ModalQuestion) => Promise<void>) {
    const questions: ModalQuestion[] = [];
    await runCommandWithInputs('acrCmk.enableAutoRotation', [registryId], [...policyInputs, ...afterPolicy], {
        onModal: async (question) => {
            questions.push(question);
            await observe?.(question);
        },
    });
    return { questions };
}
const sorted = (permissions: string[]) => [...permissions].sort();

describe('Enable Automatic Rotation without the rotation-policy permissions (real extension host)', function () {
    this.timeout(180000);
    let world: RightsWorld;
    let pinnedEncryption: Awaited<ReturnType<typeof rightsState>>['encryption'];

    before(async () => {
        const api = await activateExtension();
        const factory = await setupFactory();
        world = await createRightsWorld(factory, securityGroup(await stateNow(), factory, 0).subscriptionId, suffix);
        await api.refresh();
        const start = await rightsState(world);
        pinnedEncryption = start.encryption;
        assert.equal(start.encryption?.keyVaultProperties?.keyIdentifier, start.encryption?.keyVaultProperties?.versionedKeyIdentifier, 'pinned to a version');
        assert.deepEqual(start.callerKeys, sorted(createRights));
        assert.deepEqual(start.identityKeys, ['get', 'unwrapkey', 'wrapkey']);
        assert.equal(start.rotationPolicy, undefined, 'no rotation policy yet');
    });

    it('declined: the modal asked for the two permissions; registry, permissions and key stay as they were', async () => {
        // The rights question dismissed (Escape).
        const { questions } = await enableAutoRotation(world.registryId, [dismiss]);
        assert.deepEqual(
            questions.map((q) => q.message),
            [rightsQuestion],
            `modal questions: ${JSON.stringify(questions)}`,
        );
        assert.deepEqual(questions[0]!.buttons, ['Add Permissions']);
        assert.match(questions[0]!.detail ?? '', /getrotationpolicy and setrotationpolicy/);
        const after = await rightsState(world);
        assert.deepEqual(after.encryption, pinnedEncryption, 'the registry still uses the pinned version');
        assert.deepEqual(after.callerKeys, sorted(createRights), 'no permission added');
        assert.equal(after.rotationPolicy, undefined, 'no rotation policy written');
        assert.equal((await keyAccessOf(world.registryId)).accessible, true);
    });

    it('accepted: asked before any change, then exactly the two permissions added, versionless key, policy written', async () => {
        const atQuestion: Awaited<ReturnType<typeof rightsState>>[] = [];
        const observe = async (_question: ModalQuestion) => {
            atQuestion.push(await rightsState(world));
        };
        const { questions } = await enableAutoRotation(world.registryId, [rotation.addPolicyPermissions, rotation.confirm], observe);
        assert.deepEqual(
            questions.map((q) => q.message),
            [rightsQuestion, confirmQuestion(world.registryId.split('/').pop()!)],
            `modal questions: ${JSON.stringify(questions)}`,
        );
        assert.deepEqual(atQuestion[0]?.encryption, pinnedEncryption, 'nothing was switched while the question was open');
        assert.deepEqual(atQuestion[0]?.callerKeys, sorted(createRights), 'nothing was granted while the question was open');

        const after = await rightsState(world);
        assert.deepEqual(after.callerKeys, sorted([...createRights, 'getrotationpolicy', 'setrotationpolicy']), 'exactly the two permissions added');
        assert.deepEqual(after.identityKeys, ['get', 'unwrapkey', 'wrapkey'], 'the encryption identity was not touched');
        const kvp = after.encryption?.keyVaultProperties;
        assert.equal(kvp?.keyIdentifier, `${world.vaultUri}/keys/${world.keyName}`, 'the registry uses the versionless key id');
        assert.equal(kvp?.identity, pinnedEncryption?.keyVaultProperties?.identity, 'same identity');
        assert.deepEqual(
            after.rotationPolicy,
            [
                ['rotate', 'P45D'],
                ['notify', 'P14D'],
            ],
            'the rotation policy is on the key',
        );
        const access = await keyAccessOf(world.registryId);
        assert.equal(access.accessible, true, access.reason);
    });
});
