// The fault matrix's sample through the real VS Code: emulator fault rules hit one step of Rotate Key run as the
// real command, and the user must see the localized message naming that step and the key the registry kept; the
// emulator must agree (registry unchanged, key still reachable), and a retry without the fault must succeed.
// A transient fault the SDK retries must not surface at all. Step names come from the extension's own labels
// (rotationStepLabel), so rewording a label does not break the check that the message names the failed step.
// Own identity and registry ("dfm…": after the sample's "contoso…", before the create suite's "e2ecmk…", so the
// suites that take the first or last registry by name never get it).
import * as assert from 'node:assert/strict';
import { rotationStepLabel } from '../../../src/l10n/rotationStepLabel';
import { runCommandWithInputs, type CommandInput } from './commandInputs';
import { activateExtension } from './extensionApi';
import { addFault, clearFaults, faultsFired, lastRequestSeq, requestsSince } from './faultAdmin';
import {
    keyAccessOf,
    policiesOn,
    registryIn,
    registryWithOwnIdentity,
    securityGroup,
    setupFactory,
    stateNow,
    withShownErrors,
    type SecurityGroup,
} from './wizardBranchesWorld';
import { rotation } from './rotationInputs';

const suffix = Date.now().toString(36).slice(-5);
const registryName = `dfmrot${suffix}`;
const identityName = `id-dfm-rot-${suffix}`;
/** Rotate Key to `key` (how the key is picked), versionless, keeping the identity; `consents` are asked before the confirmation. */
const rotate = (registryId: string, key: CommandInput[], consents: CommandInput[] = []) =>
    withShownErrors(() =>
        runCommandWithInputs('acrCmk.rotateKey', [registryId], [...key, rotation.versionless, rotation.keepIdentity, ...consents, rotation.confirm]),
    );
const keyName = (keyId: string) => /\/keys\/([^/]+)/.exec(keyId)![1]!;
/** The other of the two seeded keys, in the same vault, versionless: a rotation that needs no new grant. */
const otherKeyInSameVault = (keyId: string) =>
    keyId.replace(/\/keys\/cmk-key-(\d)(\/[0-9a-f]+)?$/i, (_match, n: string) => `/keys/cmk-key-${n === '1' ? '2' : '1'}`);

describe('fault messages: Rotate Key through injected emulator faults (real extension host)', function () {
    this.timeout(180000);
    let home: SecurityGroup;
    let away: SecurityGroup;
    let registryId: string;
    let principalId: string;
    const encryptionNow = async () => {
        const kvp = registryIn(await stateNow(), registryId)?.encryption.keyVaultProperties;
        assert.ok(kvp, 'the registry is still encrypted with a customer-managed key');
        return kvp;
    };
    const assertStillReachable = async () => {
        const access = await keyAccessOf(registryId);
        assert.equal(access.accessible, true, access.reason);
    };

    before(async () => {
        const api = await activateExtension();
        const factory = await setupFactory();
        const state = await stateNow();
        home = securityGroup(state, factory, 0);
        away = securityGroup(state, factory, 1);
        // Its own identity, granted on the home vault only, so a rotation to the other subscription's vault needs a grant.
        ({
            registryId,
            identity: { principalId },
        } = await registryWithOwnIdentity(factory, home, { identity: identityName, registry: registryName }));
        await api.refresh();
    });

    afterEach(() => clearFaults());

    it('403 on the access grant: the message names the step and the kept key; nothing changed; a retry succeeds', async () => {
        const before = await encryptionNow();
        const awayKey = `${away.accessPolicyVault.uri}/keys/cmk-key-1`;
        assert.equal(policiesOn(await stateNow(), away.accessPolicyVault.id)[principalId.toLowerCase()], undefined, 'no access there before');
        await addFault({
            method: 'PUT',
            pathPattern: `/vaults/${away.accessPolicyVault.name}/accessPolicies/add$`,
            action: {
                status: 403,
                code: 'AuthorizationFailed',
                message: 'The client does not have authorization to perform action Microsoft.KeyVault/vaults/accessPolicies/write.',
            },
        });
        const toAwayKey = () =>
            rotate(registryId, [rotation.otherVault, away.subscriptionId, away.accessPolicyVault.name, 'cmk-key-1'], [rotation.grantAccess]);
        const { errors } = await toAwayKey();
        assert.deepEqual(await faultsFired(), [1], 'the grant request met the fault once (a 403 is not retried)');
        assert.equal(errors.length, 1, `errors shown: ${JSON.stringify(errors)}`);
        const message = errors[0]!;
        assert.ok(message.startsWith(`Could not ${rotationStepLabel('grantAccess')}: (403) `), message);
        assert.ok(message.includes('does not have authorization to perform action Microsoft.KeyVault/vaults/accessPolicies/write'), message);
        assert.ok(
            message.includes(`Registry "${registryName}" was not switched: it still uses key ${before.versionedKeyIdentifier} with identity ${identityName}.`),
            message,
        );
        assert.ok(message.includes('Already done: nothing.'), message);

        assert.deepEqual(await encryptionNow(), before, 'the registry kept its key and identity');
        assert.equal(policiesOn(await stateNow(), away.accessPolicyVault.id)[principalId.toLowerCase()], undefined, 'no grant was written');
        await assertStillReachable();

        await clearFaults();
        const retry = await toAwayKey();
        assert.deepEqual(retry.errors, []);
        assert.equal((await encryptionNow()).keyIdentifier, awayKey);
        assert.equal(policiesOn(await stateNow(), away.accessPolicyVault.id)[principalId.toLowerCase()], 'get,unwrapkey,wrapkey');
        await assertStillReachable();
    });

    it('the registry update ends Failed: the message names the switch and the kept key; nothing changed; a retry succeeds', async () => {
        const before = await encryptionNow();
        const target = otherKeyInSameVault(before.keyIdentifier);
        assert.notEqual(target, before.keyIdentifier);
        await addFault({ method: 'PATCH', pathPattern: `/registries/${registryName}$`, action: { lroFail: true } });
        const { errors } = await rotate(registryId, [rotation.sameVault, keyName(target)]);
        assert.deepEqual(await faultsFired(), [1], 'the registry PATCH met the fault once');
        assert.equal(errors.length, 1, `errors shown: ${JSON.stringify(errors)}`);
        const message = errors[0]!;
        assert.ok(message.startsWith(`Could not ${rotationStepLabel('switchEncryption')}: `), message);
        assert.ok(message.includes('injected by an emulator fault rule'), `the operation's own error is the cause: ${message}`);
        assert.ok(
            message.includes(`Registry "${registryName}" was not switched: it still uses key ${before.versionedKeyIdentifier} with identity ${identityName}.`),
            message,
        );

        assert.deepEqual(await encryptionNow(), before, 'the failed operation left the registry as it was');
        await assertStillReachable();

        await clearFaults();
        const retry = await rotate(registryId, [rotation.sameVault, keyName(target)]);
        assert.deepEqual(retry.errors, []);
        assert.equal((await encryptionNow()).keyIdentifier, target);
        await assertStillReachable();
    });

    it('a transient 503 with Retry-After on the registry update is retried by the SDK: no error, rotation done', async () => {
        const before = await encryptionNow();
        const target = otherKeyInSameVault(before.keyIdentifier);
        const since = await lastRequestSeq();
        await addFault({
            method: 'PATCH',
            pathPattern: `/registries/${registryName}$`,
            nth: 1,
            action: { status: 503, code: 'ServiceUnavailable', message: 'The service is temporarily unavailable.', retryAfter: 1 },
        });
        const { errors } = await rotate(registryId, [rotation.sameVault, keyName(target)]);
        assert.deepEqual(errors, []);
        assert.deepEqual(await faultsFired(), [1]);
        assert.equal((await encryptionNow()).keyIdentifier, target);
        await assertStillReachable();
        const patches = await requestsSince(since, 'PATCH', `/registries/${registryName}`);
        assert.deepEqual(
            patches.map((r) => (r.status < 300 ? 'accepted' : r.status)),
            [503, 'accepted'],
            'one refused attempt, then the retry',
        );
        const waitedMs = Date.parse(patches[1]!.time) - Date.parse(patches[0]!.time);
        assert.ok(waitedMs >= 900, `the retry honoured Retry-After: 1 (waited ${waitedMs} ms)`);
    });
});
