// UI level (Playwright on the real workbench): every change of Create, Rotate Key (to a new pinned version), Use
// System-Assigned Identity, Revoke Key Access and Restore Key Access cut off by the death of the extension host. Each
// flow is driven as a person does (context menu or palette, its Quick Picks, its modal); Azure holds the request of
// one change (an emulator delay fault) until the test has killed the extension host (SIGKILL, the pid the journal
// names, once the journal records the change `started`); the window reloads (a new extension host: see startAgain in
// interruptions.ts) and its notification offers the run.
// Resume must finish it without sending any change twice (the emulator's request log), Clean Up must leave Azure as it
// was before the run (the emulator's state), Dismiss must forget it and change nothing. The Node-process crash matrix
// (test/integration/journal/interruptions.test.ts) cuts every change in three more ways; this one proves the window's
// part: the offer after a real restart, its buttons, the modal, the marks.
import * as assert from 'node:assert';
import { callEmulatorAdmin, getEmulatorJson, keyAccessNow } from '../emulatorState';
import { journeySubscription, type JourneyRegistry, deleteJourneyRegistries } from '../journey/journeyWorld';
import { answerStep, expectStep } from '../journey/walk';
import { registryNow, type WorldRegistry } from '../worldExpectations';
import {
    changesSince,
    cheapestRestart,
    createNames,
    createSteps,
    holdRequest,
    journals,
    journalsOf,
    killAtStarted,
    lastRequest,
    ownRegistry,
    startAgain,
    vaultNameOf,
    worldOf,
    type HeldRequest,
} from './interruptions';
import { clickNotificationAction, waitForNotification } from './notifications';
import {
    modalDialog,
    openWorkbenchAtSubscription,
    pickQuickPickItem,
    runCommand,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRowNamed,
    waitUntil,
    withNotificationsOnFailure,
    type Workbench,
} from './workbench';

type Flow = 'create' | 'rotate' | 'systemIdentity' | 'revoke' | 'restore';
type Then = 'resume' | 'cleanUp' | 'dismiss';
interface Target {
    id: string;
    name: string;
    vault: string;
    key: string;
}

const commandOf: Record<Flow, string> = {
    create: 'Create Registry with Customer-Managed Key',
    rotate: 'Rotate Key',
    systemIdentity: 'Use System-Assigned Identity',
    revoke: 'Revoke Key Access',
    restore: 'Restore Key Access',
};
/** Each change as the offer names it ("Cut off during: …"), in the words of the extension's step titles. */
const changeWords: Record<string, string> = {
    resourceGroup: 'Create resource group',
    identity: 'Create user-assigned managed identity',
    vault: 'Create key vault',
    keyManagementAccess: 'Grant you key-management rights on the new key vault',
    encryptionAccess: 'Grant the identity access to the key',
    key: 'Create key',
    registry: 'Create registry',
    createKeyVersion: 'create a new key version',
    switchEncryption: "switch the registry's encryption to the chosen key and identity",
    enableSystemIdentity: 'enable the system-assigned identity',
    grantAccess: 'grant the identity access to the key',
    removeGrant: "remove the identity's key access",
    regrant: 'give the identity its key access back',
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const versionOf = (keyId = '') => keyId.split('/keys/')[1]?.split('/')[1] ?? '';

const tally = { tried: 0, resumed: 0, cleaned: 0, dismissed: 0, lost: 0 };
const costs: { restartMs: number; totalMs: number }[] = [];

describe('UI: the extension host killed at every change of Create, Rotate Key, Use System-Assigned Identity, Revoke and Restore; the next window resumes, cleans up or dismisses', function () {
    this.timeout(10 * 60 * 1000);
    let workbench: Workbench | undefined;
    let rotated: Target;
    let revoked: Target;
    const made: Pick<JourneyRegistry, 'group' | 'name'>[] = [];
    const notifications = screenshotOnFailure(() => workbench);

    const target = (registry: WorldRegistry & { journey: JourneyRegistry }): Target => ({
        id: registry.id,
        name: registry.name,
        vault: vaultNameOf(registry),
        key: registry.journey.key,
    });

    before(async () => {
        const suffix = Date.now().toString(36).slice(-5);
        const journeyMade: JourneyRegistry[] = [];
        const [a, b] = await Promise.all([ownRegistry(`djeva${suffix}`, journeyMade), ownRegistry(`djevb${suffix}`, journeyMade)]);
        made.push(...journeyMade);
        rotated = target(a);
        revoked = target(b);
        workbench = await openWorkbenchAtSubscription(journeySubscription);
    });
    // A point that failed before its kill leaves its request held: the next point (and suite) must not inherit it.
    afterEach(() =>
        callEmulatorAdmin('DELETE', 'faults').then(
            () => undefined,
            () => undefined,
        ),
    );
    after(async () => {
        console.log(
            `      vscode interruptions: ${tally.tried} tried, ${tally.resumed} resumed, ${tally.cleaned} cleaned, ${tally.dismissed} dismissed, ${tally.lost} lost`,
        );
        const range = (values: number[]) => (values.length ? `${(Math.min(...values) / 1000).toFixed(1)}–${(Math.max(...values) / 1000).toFixed(1)} s` : '–');
        console.log(
            `      a point takes ${range(costs.map((cost) => cost.totalMs))}, of which ${range(costs.map((cost) => cost.restartMs))} from the kill to the offer in the reloaded window`,
        );
        await workbench?.close();
        await deleteJourneyRegistries(made);
    });

    interface Trial {
        flow: Flow;
        step: string;
        then: Then;
        /** The registry the run changes (Create: named by the test, made by the run). */
        on: Target;
        hold: HeldRequest;
        /** Drives the flow as a person does, up to the click that starts its changes. */
        start: () => Promise<void>;
        /** A long-running change: killed once Azure accepted it and works on it (its operation recorded). */
        inFlight?: boolean;
        /** Steps running alongside that must be done before the kill. */
        once?: string[];
        /** Resume: the changes it sends, each as often as listed (the ones made before the crash are not sent again). */
        resumeSends?: RegExp[];
        /** Resume: Azure as the flow promises it. */
        resumed?: () => Promise<void>;
        /** Clean Up: key versions are not compared (a new version cannot be deleted; Clean Up keeps it, and says so). */
        keepsKeys?: boolean;
        /** Clean Up: what its notification says beyond "cleaned up". */
        cleanedUpSays?: RegExp;
        /** Clean Up, Dismiss: a check beyond "Azure as before". */
        after?: () => Promise<void>;
    }

    /** Starts the run, holds the change's request, kills the extension host, starts the window again, then Resume / Clean Up / Dismiss. */
    async function trial(t: Trial): Promise<void> {
        const began = Date.now();
        tally.tried++;
        try {
            const command = commandOf[t.flow];
            const before = await worldOf({ registry: t.on.name, vault: t.on.vault }, { ignoreKeys: t.keepsKeys });
            await holdRequest(t.hold);
            await t.start();
            const crashed = await killAtStarted(t.on.id, t.step, { inFlight: t.inFlight, once: t.once, timeoutMs: 90000 });
            const restartBegan = Date.now();
            workbench = await startAgain(workbench!, journeySubscription, cheapestRestart);
            const page = workbench.page;
            const offer = new RegExp(`^${escape(command)} on registry "${escape(t.on.name)}" \\(started .*\\) was interrupted before it finished`);
            const offered = await waitForNotification(page, offer, notifications.seen);
            const restartMs = Date.now() - restartBegan;
            assert.strictEqual(offered.severity, 'warning');
            assert.deepStrictEqual(offered.actions, ['Resume', 'Clean Up', 'Dismiss']);
            assert.ok(
                offered.message.endsWith(`Cut off during: ${changeWords[t.step]}.`),
                `the offer names the change cut off (${t.step}): ${offered.message}`,
            );
            assert.notStrictEqual(journalsOf(t.on.id)[0]?.owner.pid, undefined, 'the journal waits for a choice');

            if (t.then === 'resume') {
                const since = await lastRequest();
                await clickNotificationAction(page, offer, 'Resume');
                await waitForNotification(
                    page,
                    new RegExp(`^${escape(command)} on registry "${escape(t.on.name)}" finished: every change it had planned is made\\.`),
                    notifications.seen,
                );
                const sent = await changesSince(since);
                const expected = t.resumeSends ?? [];
                assert.strictEqual(
                    sent.length,
                    expected.length,
                    `Resume sent exactly the changes not made before the crash (${crashed.changes.map((change) => `${change.step} ${change.status}`).join(', ')}): ${JSON.stringify(sent)}`,
                );
                for (const pattern of expected) {
                    const times = expected.filter((other) => other.source === pattern.source).length;
                    assert.strictEqual(sent.filter((line) => pattern.test(line)).length, times, `${pattern} sent ${times}×: ${JSON.stringify(sent)}`);
                }
                await t.resumed?.();
                tally.resumed++;
            } else if (t.then === 'cleanUp') {
                await clickNotificationAction(page, offer, 'Clean Up');
                const question =
                    t.flow === 'create'
                        ? `Delete what the interrupted ${command} of registry "${t.on.name}" created?`
                        : `Take back what the interrupted ${command} on registry "${t.on.name}" changed?`;
                const confirm = modalDialog(page, question);
                await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 60000 }));
                await screenshot(page, `interrupted-every-${t.flow}-${t.step}-clean-up-confirm`);
                await confirm.getByRole('button', { name: 'Clean Up' }).click();
                const of = t.flow === 'create' ? 'of' : 'on';
                const cleaned = await waitForNotification(
                    page,
                    new RegExp(`^Cleaned up the interrupted ${escape(command)} ${of} registry "${escape(t.on.name)}"`),
                    notifications.seen,
                );
                if (t.cleanedUpSays) assert.match(cleaned.message, t.cleanedUpSays);
                assert.deepStrictEqual(
                    await worldOf({ registry: t.on.name, vault: t.on.vault }, { ignoreKeys: t.keepsKeys }),
                    before,
                    'Azure as it was before the run',
                );
                await t.after?.();
                tally.cleaned++;
            } else {
                // The row is marked until a choice is made.
                const row = treeRowNamed(page, t.on.name);
                await waitUntil('the registry row to be marked interrupted', async () => /interrupted/.test(await row.innerText().catch(() => '')), 30000);
                const now = await worldOf({ registry: t.on.name, vault: t.on.vault });
                const since = await lastRequest();
                await clickNotificationAction(page, offer, 'Dismiss');
                await waitUntil('the journal to go', async () => journalsOf(t.on.id).length === 0, 30000);
                await waitUntil('the mark to go', async () => !/interrupted/.test(await row.innerText().catch(() => 'interrupted')), 30000);
                assert.deepStrictEqual(await changesSince(since), [], 'Dismiss sends no change');
                assert.deepStrictEqual(await worldOf({ registry: t.on.name, vault: t.on.vault }), now, 'Azure unchanged by Dismiss');
                await screenshot(page, `interrupted-every-${t.flow}-${t.step}-dismissed`);
                await runCommand(page, 'Resume or Clean Up an Interrupted Operation…');
                await waitForNotification(page, /^No interrupted operation is waiting: it was resumed, cleaned up or dismissed already\.$/, notifications.seen);
                await t.after?.();
                tally.dismissed++;
            }
            assert.deepStrictEqual(
                journals().filter((journal) => journal.registryId.toLowerCase() === t.on.id.toLowerCase()),
                [],
                'nothing left to resume',
            );
            costs.push({ restartMs, totalMs: Date.now() - began });
        } catch (error) {
            tally.lost++;
            throw error;
        }
    }

    // ── the flows, driven as a person does ──

    const rotateKey = (on: Target) => async () => {
        const page = workbench!.page;
        await runContextMenu(page, treeRowNamed(page, on.name), 'Rotate Key');
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, `New version of key "${on.key}"`));
        await pickQuickPickItem(page, 'Pinned version — manual rotation');
        await pickQuickPickItem(page, 'Keep the current identity');
        await changeEncryption(on);
    };
    const useSystemIdentity = (on: Target) => async () => {
        const page = workbench!.page;
        await runContextMenu(page, treeRowNamed(page, on.name), 'Use System-Assigned Identity');
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, 'Keep the access of'));
        await changeEncryption(on);
    };
    async function changeEncryption(on: Target): Promise<void> {
        const page = workbench!.page;
        const confirm = modalDialog(page, `Change the encryption of registry "${on.name}"?`);
        await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 30000 }));
        await confirm.getByRole('button', { name: 'Change Encryption' }).click();
    }
    const revokeKeyAccess = (on: Target) => async () => {
        const page = workbench!.page;
        await runContextMenu(page, treeRowNamed(page, on.name), 'Revoke Key Access...');
        for (const step of [
            {
                name: 'method',
                asks: new RegExp(`^How should the key access of registry "${on.name}" be revoked\\?$`),
                answer: { pick: "Remove the identity's key vault access" },
            },
            { name: 'warning', asks: new RegExp(`^Revoke key access of registry "${on.name}"\\?$`), answer: { button: 'Continue' } },
            { name: 'type-name', asks: new RegExp(`^Type the registry name "${on.name}" to confirm`), answer: { type: on.name } },
        ]) {
            await expectStep(page, step);
            await answerStep(page, step);
        }
    };
    const restoreKeyAccess = (on: Target) => async () => {
        const page = workbench!.page;
        await runContextMenu(page, treeRowNamed(page, on.name), 'Restore Key Access');
    };

    // ── what each change's request is, and what Resume may send afterwards ──

    const registryPatch = (on: Target, nth?: number): HeldRequest => ({ method: 'PATCH', pathPattern: `/registries/${on.name}$`, ...(nth ? { nth } : {}) });
    const keyCreate = (on: Target): HeldRequest => ({ method: 'POST', pathPattern: `^/keys/${on.key}/create$`, hostPattern: `^${on.vault}\\.` });
    const policy = (on: Target, kind: string): HeldRequest => ({ method: 'PUT', pathPattern: `/vaults/${on.vault}/accessPolicies/${kind}$` });
    const sendsPatch = (on: Target) => new RegExp(`^PATCH \\S+/registries/${on.name}$`, 'i');
    const sendsKeyCreate = (on: Target) => new RegExp(`^POST ${on.vault}\\.\\S+/keys/${on.key}/create$`, 'i');
    const sendsPolicy = (on: Target, kind: string) => new RegExp(`^PUT \\S+/vaults/${on.vault}/accessPolicies/${kind}$`, 'i');

    async function reachesKey(on: Target, expected: boolean): Promise<void> {
        assert.strictEqual((await keyAccessNow(on.id)).accessible, expected, expected ? 'the registry reaches its key' : 'the registry cannot reach its key');
    }

    // ── Rotate Key to a new pinned version: createKeyVersion, switchEncryption ──

    it('Rotate Key: killed while Azure creates the new key version, then Resume: one new version, the registry pinned to it', async () => {
        const on = rotated;
        const versionBefore = versionOf((await registryNow(on.id))?.encryption.keyVaultProperties?.versionedKeyIdentifier);
        await trial({
            flow: 'rotate',
            step: 'createKeyVersion',
            then: 'resume',
            on,
            hold: keyCreate(on),
            start: rotateKey(on),
            resumeSends: [sendsKeyCreate(on), sendsPatch(on)],
            resumed: async () => {
                const now = await registryNow(on.id);
                const version = versionOf(now?.encryption.keyVaultProperties?.keyIdentifier);
                assert.match(version, /^[0-9a-f]{32}$/, 'pinned to a version');
                assert.notStrictEqual(version, versionBefore, 'a new version');
                await reachesKey(on, true);
            },
        });
    });

    it('Rotate Key: killed while Azure switches the registry to the new version, then Clean Up: the registry on its old version (the new version kept)', async () => {
        const on = rotated;
        const keyBefore = (await registryNow(on.id))?.encryption.keyVaultProperties?.keyIdentifier;
        await trial({
            flow: 'rotate',
            step: 'switchEncryption',
            then: 'cleanUp',
            on,
            hold: registryPatch(on),
            start: rotateKey(on),
            keepsKeys: true,
            cleanedUpSays: /the registry is as it was before it\. Kept \(cannot be taken back, or may serve others\): create a new key version\.$/,
            after: async () => {
                assert.strictEqual((await registryNow(on.id))?.encryption.keyVaultProperties?.keyIdentifier, keyBefore);
                await reachesKey(on, true);
            },
        });
    });

    // ── Use System-Assigned Identity: enableSystemIdentity, grantAccess, switchEncryption ──

    it('Use System-Assigned Identity: killed while Azure turns on the system identity, then Dismiss: the run is forgotten, nothing changes, nothing is waiting', async () => {
        const on = rotated;
        await trial({
            flow: 'systemIdentity',
            step: 'enableSystemIdentity',
            then: 'dismiss',
            on,
            hold: registryPatch(on),
            start: useSystemIdentity(on),
            after: () => reachesKey(on, true),
        });
    });

    it('Use System-Assigned Identity: killed while Azure grants the system identity key access, then Clean Up: the identity off again', async () => {
        const on = rotated;
        await trial({
            flow: 'systemIdentity',
            step: 'grantAccess',
            then: 'cleanUp',
            on,
            hold: policy(on, 'add'),
            start: useSystemIdentity(on),
            after: () => reachesKey(on, true),
        });
    });

    it('Use System-Assigned Identity: killed while Azure switches the encryption identity, then Resume: only the switch is sent', async () => {
        const on = rotated;
        const keyBefore = (await registryNow(on.id))?.encryption.keyVaultProperties?.keyIdentifier;
        await trial({
            flow: 'systemIdentity',
            step: 'switchEncryption',
            then: 'resume',
            on,
            hold: registryPatch(on, 2),
            start: useSystemIdentity(on),
            resumeSends: [sendsPatch(on)],
            resumed: async () => {
                const now = await registryNow(on.id);
                assert.strictEqual(now?.encryption.keyVaultProperties?.identity, 'system');
                assert.strictEqual(now?.encryption.keyVaultProperties?.keyIdentifier, keyBefore, 'same key');
                await reachesKey(on, true);
            },
        });
    });

    // ── Revoke Key Access (remove the identity's access) and Restore Key Access: removeGrant, regrant ──

    it("Revoke Key Access: killed while Azure removes the identity's access, then Resume: revoked, the removal sent once", async () => {
        const on = revoked;
        await trial({
            flow: 'revoke',
            step: 'removeGrant',
            then: 'resume',
            on,
            hold: policy(on, 'remove'),
            start: revokeKeyAccess(on),
            resumeSends: [sendsPolicy(on, 'remove')],
            resumed: () => reachesKey(on, false),
        });
    });

    it('Restore Key Access: killed while Azure gives the access back, then Clean Up: still revoked', async () => {
        const on = revoked;
        await trial({
            flow: 'restore',
            step: 'regrant',
            then: 'cleanUp',
            on,
            hold: policy(on, '(add|replace)'),
            start: restoreKeyAccess(on),
            after: () => reachesKey(on, false),
        });
    });

    it('Restore Key Access: killed while Azure gives the access back, then Resume: access back, the grant sent once', async () => {
        const on = revoked;
        await trial({
            flow: 'restore',
            step: 'regrant',
            then: 'resume',
            on,
            hold: policy(on, '(add|replace)'),
            start: restoreKeyAccess(on),
            resumeSends: [sendsPolicy(on, '(add|replace)')],
            resumed: () => reachesKey(on, true),
        });
    });

    it("Revoke Key Access: killed while Azure removes the identity's access, then Clean Up: access as before", async () => {
        const on = revoked;
        await trial({
            flow: 'revoke',
            step: 'removeGrant',
            then: 'cleanUp',
            on,
            hold: policy(on, 'remove'),
            start: revokeKeyAccess(on),
            after: () => reachesKey(on, true),
        });
    });

    // ── Create Registry with Customer-Managed Key: a vault-side change (the key), the registry operation ──

    async function create(
        prefix: string,
        step: string,
        then: Then,
        hold: (names: ReturnType<typeof createNames>) => HeldRequest,
        extra: (on: Target, names: ReturnType<typeof createNames>) => Partial<Trial>,
    ): Promise<void> {
        const names = createNames(prefix);
        const subscriptionId = Object.values(
            (await getEmulatorJson<{ subscriptions: Record<string, { subscriptionId: string; displayName: string }> }>('state')).subscriptions,
        ).find((subscription) => subscription.displayName === journeySubscription)!.subscriptionId;
        const on: Target = {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${names.group}/providers/Microsoft.ContainerRegistry/registries/${names.registry}`,
            name: names.registry,
            vault: names.vault,
            key: names.key,
        };
        await trial({
            flow: 'create',
            step,
            then,
            on,
            hold: hold(names),
            start: async () => {
                const page = workbench!.page;
                await runCommand(page, commandOf.create);
                for (const wizardStep of createSteps(names)) {
                    await expectStep(page, wizardStep);
                    await answerStep(page, wizardStep);
                }
            },
            ...extra(on, names),
        });
    }

    // Every change in its order; Resume sends what was not made yet (each once: an access policy per grant), Clean Up
    // deletes what the run made and nothing else. Steps that run alongside (identity and vault; the identity's access and
    // the key) are let finish before the kill, so each point cuts off exactly one change.
    const createdRegistry = (on: Target) => ({
        resumed: async () => {
            made.push({ group: on.id.split('/')[4]!, name: on.name });
            assert.strictEqual((await registryNow(on.id))?.encryption.status, 'enabled');
            await reachesKey(on, true);
            assert.strictEqual((await worldOf({ registry: on.name, vault: on.vault })).keys?.length, 1, 'one key, one version: not created twice');
            await treeRowNamed(workbench!.page, on.name).filter({ hasText: 'customer-managed key' }).waitFor({ timeout: 60000 });
        },
    });
    const nothingLeft = (on: Target) => ({ after: async () => assert.strictEqual(await registryNow(on.id), undefined, 'no registry') });
    type Names = ReturnType<typeof createNames>;
    const sends = {
        group: (n: Names) => new RegExp(`^PUT \\S+/resourcegroups/${n.group}$`, 'i'),
        identity: (n: Names) => new RegExp(`^PUT \\S+/userAssignedIdentities/${n.identity}$`, 'i'),
        vault: (n: Names) => new RegExp(`^PUT \\S+/vaults/${n.vault}$`, 'i'),
        grant: (n: Names) => new RegExp(`^PUT \\S+/vaults/${n.vault}/accessPolicies/add$`, 'i'),
        key: (n: Names) => new RegExp(`^POST ${n.vault}\\.\\S+/keys/${n.key}/create$`, 'i'),
        registry: (n: Names) => new RegExp(`^PUT \\S+/registries/${n.registry}$`, 'i'),
    };

    it('Create: killed while Azure creates the resource group, then Resume: every resource made once', async () => {
        await create(
            'evg',
            'resourceGroup',
            'resume',
            (n) => ({ method: 'PUT', pathPattern: `/resourcegroups/${n.group}$` }),
            (on, n) => ({
                resumeSends: [sends.group(n), sends.identity(n), sends.vault(n), sends.grant(n), sends.grant(n), sends.key(n), sends.registry(n)],
                ...createdRegistry(on),
            }),
        );
    });

    it('Create: killed while Azure creates the identity, then Clean Up: nothing the run made is left', async () => {
        await create(
            'evi',
            'identity',
            'cleanUp',
            (n) => ({ method: 'PUT', pathPattern: `/userAssignedIdentities/${n.identity}$` }),
            (on) => ({ once: ['vault'], ...nothingLeft(on) }),
        );
    });

    it('Create: killed while Azure creates the key vault, then Resume: the group and identity not made again', async () => {
        await create(
            'evv',
            'vault',
            'resume',
            (n) => ({ method: 'PUT', pathPattern: `/vaults/${n.vault}$` }),
            (on, n) => ({
                once: ['identity'],
                resumeSends: [sends.vault(n), sends.grant(n), sends.grant(n), sends.key(n), sends.registry(n)],
                ...createdRegistry(on),
            }),
        );
    });

    it('Create: killed while Azure gives the signed-in user key rights on the new vault, then Clean Up: nothing the run made is left', async () => {
        await create(
            'evm',
            'keyManagementAccess',
            'cleanUp',
            (n) => ({ method: 'PUT', pathPattern: `/vaults/${n.vault}/accessPolicies/add$` }),
            (on) => nothingLeft(on),
        );
    });

    it("Create: killed while Azure gives the identity key access, then Resume: the vault, the user's rights and the key not made again", async () => {
        // The key is made alongside the identity's access: the kill waits for it, so the grant is the one change cut off.
        await create(
            'eve',
            'encryptionAccess',
            'resume',
            (n) => ({ method: 'PUT', pathPattern: `/vaults/${n.vault}/accessPolicies/add$`, nth: 2 }),
            (on, n) => ({
                once: ['key'],
                resumeSends: [sends.grant(n), sends.registry(n)],
                ...createdRegistry(on),
            }),
        );
    });

    it('Create: killed while Azure creates the key in the new vault, then Clean Up: nothing the run made is left', async () => {
        await create(
            'evk',
            'key',
            'cleanUp',
            (n) => ({ method: 'POST', pathPattern: `^/keys/${n.key}/create$`, hostPattern: `^${n.vault}\\.` }),
            (on) => ({ once: ['encryptionAccess'], ...nothingLeft(on) }),
        );
    });

    it('Create: killed while Azure creates the registry (its operation running), then Resume: the operation polled to its end, nothing created again', async () => {
        // Polling the operation sends no change: the registry, and everything before it, is not created again.
        await create(
            'evr',
            'registry',
            'resume',
            (n) => ({ method: 'GET', pathPattern: `/registries/${n.registry}/operationStatuses/` }),
            (on) => ({
                inFlight: true,
                resumeSends: [],
                ...createdRegistry(on),
            }),
        );
    });
});
