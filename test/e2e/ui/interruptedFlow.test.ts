// UI level (Playwright on the real workbench): a flow cut off by the death of its extension host, then picked up again.
// Use System-Assigned Identity runs from the right-click menu; while Azure holds its grant request (an emulator delay
// fault), the test kills the extension host process (SIGKILL: the pid its journal names), as a crash does, and starts
// the window again (interruptions.ts: a new extension host). There the extension offers the run it finds in its journal:
// Resume finishes it, Clean Up takes back what it made. The emulator's state is compared after each.
import * as assert from 'node:assert';
import { callEmulatorAdmin, getEmulatorJson, keyAccessNow } from '../emulatorState';
import { deleteJourneyRegistries, journeySubscription, type JourneyRegistry } from '../journey/journeyWorld';
import { answerStep, expectStep } from '../journey/walk';
import { registryNow, type WorldRegistry } from '../worldExpectations';
import {
    changesSince,
    cheapestRestart,
    createNames,
    createSteps,
    holdRequest,
    journalsOf,
    killAtStarted,
    lastRequest,
    ownRegistry,
    startAgain,
    vaultNameOf,
} from './interruptions';
import { clickNotificationAction, waitForNotification } from './notifications';
import {
    expandTreeRow,
    modalDialog,
    openWorkbenchAtSubscription,
    pickQuickPickItem,
    runCommand,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRow,
    treeRowNamed,
    waitUntil,
    withNotificationsOnFailure,
    type Workbench,
} from './workbench';

describe('UI: a flow cut off by a crash of the extension host is resumed or cleaned up in the next window', () => {
    let workbench: Workbench | undefined;
    const subscriptionName = journeySubscription;
    let forResume: WorldRegistry;
    let forCleanUp: WorldRegistry;
    const made: Pick<JourneyRegistry, 'group' | 'name'>[] = [];
    const notifications = screenshotOnFailure(() => workbench);

    before(async () => {
        const suffix = Date.now().toString(36).slice(-5);
        const journeyMade: JourneyRegistry[] = [];
        [forResume, forCleanUp] = await Promise.all([ownRegistry(`djintr${suffix}`, journeyMade), ownRegistry(`djintc${suffix}`, journeyMade)]);
        made.push(...journeyMade);
        // One window for the suite, started again after each kill (a window left open would keep the test process alive).
        workbench = await openWorkbenchAtSubscription(subscriptionName);
    });
    after(async () => {
        await callEmulatorAdmin('DELETE', 'faults').catch(() => undefined);
        await workbench?.close();
        // The suites that follow find their rows in the subscription's list on screen.
        await deleteJourneyRegistries(made);
    });

    /** Starts Use System-Assigned Identity on `registry`, holds its grant request, and kills the extension host then. */
    async function crashDuringGrant(registry: WorldRegistry): Promise<void> {
        const { page } = workbench!;
        // Azure "takes its time" with the grant: the request stays unanswered until the extension host is gone.
        await holdRequest({
            method: 'PUT',
            pathPattern: `/vaults/${vaultNameOf(registry)}/(accessPolicies/add|providers/Microsoft\\.Authorization/roleAssignments/)`,
        });
        await runContextMenu(page, treeRowNamed(page, registry.name), 'Use System-Assigned Identity');
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, 'Keep the access of'));
        const confirm = modalDialog(page, `Change the encryption of registry "${registry.name}"?`);
        await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 30000 }));
        await confirm.getByRole('button', { name: 'Change Encryption' }).click();
        await waitUntil('the journal to record the grant in flight', async () => journalsOf(registry.id).length > 0, 60000);
        await screenshot(page, `interrupted-before-crash-${registry.name}`);
        const running = await killAtStarted(registry.id, 'grantAccess');
        assert.ok(
            running.changes.some((change) => change.step === 'enableSystemIdentity' && change.status === 'done'),
            'the system identity was enabled before the crash',
        );
        // The window whose extension host died starts again: a new extension host, as after a restart.
        workbench = await startAgain(workbench!, subscriptionName, cheapestRestart);
    }

    it('Resume: the notification names the run and how far it got; Resume finishes it and the tree shows the system identity', async () => {
        const before = await registryNow(forResume.id);
        await crashDuringGrant(forResume);
        const { page } = workbench!;
        const offered = await waitForNotification(
            page,
            new RegExp(`Use System-Assigned Identity on registry "${forResume.name}" \\(started .*\\) was interrupted before it finished`),
            notifications.seen,
        );
        assert.match(offered.message, /Done: enable the system-assigned identity\. Cut off during: grant the identity access to the key\./, offered.message);
        assert.deepStrictEqual(offered.actions, ['Resume', 'Clean Up', 'Dismiss']);
        assert.strictEqual(offered.severity, 'warning');
        // The registry's row is marked until the run is resumed, cleaned up or dismissed.
        const row = treeRowNamed(page, forResume.name);
        await waitUntil('the registry row to be marked interrupted', async () => /interrupted/.test(await row.innerText().catch(() => '')), 30000);
        await screenshot(page, 'interrupted-offered');

        await clickNotificationAction(page, /Use System-Assigned Identity on registry .* was interrupted/, 'Resume');
        await waitForNotification(
            page,
            new RegExp(`Use System-Assigned Identity on registry "${forResume.name}" finished: every change it had planned is made\\.`),
            notifications.seen,
        );
        const after = await registryNow(forResume.id);
        assert.strictEqual(after?.encryption.keyVaultProperties?.identity, 'system');
        assert.strictEqual(after?.encryption.keyVaultProperties?.keyIdentifier, before?.encryption.keyVaultProperties?.keyIdentifier, 'same key');
        assert.strictEqual((await keyAccessNow(forResume.id)).accessible, true, 'the system identity reaches the key');
        assert.deepStrictEqual(journalsOf(forResume.id), [], 'nothing left to resume');
        await waitUntil('the mark to go', async () => !/interrupted/.test(await row.innerText().catch(() => 'interrupted')), 30000);
        await expandTreeRow(treeRowNamed(page, forResume.name));
        await treeRow(page, 'Identity').filter({ hasText: 'system-assigned identity' }).first().waitFor({ timeout: 60000 });
        await screenshot(page, 'interrupted-resumed');
    });

    it('Clean Up: a modal names what it takes back; afterwards the registry is exactly as before the run', async () => {
        interface StateRegistry {
            id: string;
            identity?: { type: string; principalId?: string };
            encryption: unknown;
        }
        const stateBefore = await getEmulatorJson<{ registries: Record<string, StateRegistry> }>('state');
        const before = stateBefore.registries[forCleanUp.id.toLowerCase()]!;
        await crashDuringGrant(forCleanUp);
        const { page } = workbench!;
        await waitForNotification(
            page,
            new RegExp(`Use System-Assigned Identity on registry "${forCleanUp.name}" \\(started .*\\) was interrupted`),
            notifications.seen,
        );
        await clickNotificationAction(page, /Use System-Assigned Identity on registry .* was interrupted/, 'Clean Up');
        const confirm = modalDialog(page, `Take back what the interrupted Use System-Assigned Identity on registry "${forCleanUp.name}" changed?`);
        await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 30000 }));
        assert.match(await confirm.innerText(), /enable the system-assigned identity/);
        await screenshot(page, 'interrupted-clean-up-confirm');
        await confirm.getByRole('button', { name: 'Clean Up' }).click();
        await waitForNotification(
            page,
            new RegExp(`Cleaned up the interrupted Use System-Assigned Identity on registry "${forCleanUp.name}": the registry is as it was before it\\.`),
            notifications.seen,
        );
        const after = (await getEmulatorJson<{ registries: Record<string, StateRegistry> }>('state')).registries[forCleanUp.id.toLowerCase()]!;
        assert.strictEqual(after.identity?.type, before.identity?.type, 'the system identity the run turned on is off again');
        assert.deepStrictEqual(after.encryption, before.encryption, 'encryption untouched');
        assert.strictEqual((await keyAccessNow(forCleanUp.id)).accessible, true, 'the registry still reaches its key');
        assert.deepStrictEqual(journalsOf(forCleanUp.id), []);
        await screenshot(page, 'interrupted-cleaned-up');
    });

    it('Create: killed while Azure creates the registry (its operation running); Resume polls that operation to its end, never sends the create again', async () => {
        const names = createNames('int');
        const steps = createSteps(names);
        const { page } = workbench!;
        // Azure accepted the create and works on it; its status stays unanswered until the extension host is gone.
        await holdRequest({ method: 'GET', pathPattern: `/registries/${names.registry}/operationStatuses/` });
        await runCommand(page, 'Create Registry with Customer-Managed Key');
        for (const step of steps) {
            await expectStep(page, step);
            await answerStep(page, step);
        }
        const running = await killAtStarted((id) => id.toLowerCase().endsWith(`/registries/${names.registry}`), 'registry', {
            inFlight: true,
            timeoutMs: 90000,
        });
        const registryId = running.registryId;
        workbench = await startAgain(workbench!, subscriptionName, cheapestRestart);
        const next = workbench.page;
        const offered = await waitForNotification(
            next,
            new RegExp(`Create Registry with Customer-Managed Key on registry "${names.registry}" \\(started .*\\) was interrupted before it finished`),
            notifications.seen,
        );
        assert.match(offered.message, /Cut off during: Create registry\./, offered.message);
        const lastSeq = await lastRequest();
        await clickNotificationAction(next, /Create Registry with Customer-Managed Key on registry .* was interrupted/, 'Resume');
        await waitForNotification(next, new RegExp(`Create Registry with Customer-Managed Key on registry "${names.registry}" finished`), notifications.seen);
        const sent = await changesSince(lastSeq);
        assert.deepStrictEqual(
            sent.filter((request) => /^PUT /.test(request) && request.toLowerCase().endsWith(`/registries/${names.registry}`)),
            [],
            'the registry create was not sent again',
        );
        const created = await registryNow(registryId);
        assert.strictEqual(created?.encryption.status, 'enabled');
        assert.strictEqual((await keyAccessNow(registryId)).accessible, true, 'the new registry reaches its key');
        await treeRowNamed(next, names.registry).filter({ hasText: 'customer-managed key' }).waitFor({ timeout: 60000 });
        await screenshot(next, 'interrupted-create-resumed');
        made.push({ name: names.registry, group: names.group });
    });
});
