// Journey (Playwright on the real workbench, answered from the UI's text alone): Revoke Key Access and Restore Key
// Access. Two registries of their own share one key and one identity (journeyWorld.ts): the revoke confirmation must
// name the other one, and afterwards the tree marks both; Restore brings both back and the marks go (also after
// Refresh). Back and Escape at every step of Revoke; the progress of each part, and Cancel on Restore's wait for the data.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { callEmulatorAdmin, keyAccessNow } from '../emulatorState';
import { openCentre, waitForNotification } from '../ui/notifications';
import {
    expandTreeRow,
    openWorkbenchAtSubscription,
    runCommand,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRow,
    treeRowNamed,
    waitUntil,
    type Workbench,
} from '../ui/workbench';
import { createJourneyRegistry, deleteJourneyRegistries, type JourneyRegistry, journeySubscription } from './journeyWorld';
import { waitForModal } from './quickInput';
import { escapeAtEveryStep, walkWithBack, type JourneyStep } from './walk';

const suffix = Date.now().toString(36).slice(-5);

/** A progress notification showing `text`, in the notification centre (opened as a person opens it); the centre stays open. */
async function progressShowing(page: Page, text: string): Promise<Locator> {
    await openCentre(page);
    const item = page.locator('.notifications-center .notification-list-item').filter({ hasText: text }).first();
    await item.waitFor({ timeout: 30000 });
    return item;
}

/** The row's description as shown (SKU · encryption · key access mark). */
const rowText = async (workbench: Workbench, name: string) => (await treeRowNamed(workbench.page, name).innerText()).replace(/\s+/g, ' ');

describe('Journey: Revoke and Restore Key Access', function () {
    this.timeout(10 * 60 * 1000);
    let workbench: Workbench | undefined;
    let a: JourneyRegistry;
    let b: JourneyRegistry;
    let c: JourneyRegistry;
    before(async () => {
        a = await createJourneyRegistry(`djrev${suffix}a`);
        [b, c] = await Promise.all([createJourneyRegistry(`djrev${suffix}b`, { shareWith: a }), createJourneyRegistry(`djrev${suffix}c`)]);
        workbench = await openWorkbenchAtSubscription(journeySubscription);
    });
    // The suite's registries go with it: the shared subscription's list stays short for the suites that follow.
    after(async () => {
        await workbench?.close();
        await deleteJourneyRegistries([a, b, c]);
    });
    const notifications = screenshotOnFailure(() => workbench);

    const revokeSteps = (r: JourneyRegistry, method: string, warning: RegExp, check?: JourneyStep['check']): JourneyStep[] => [
        { name: 'method', asks: new RegExp(`^How should the key access of registry "${r.name}" be revoked\\?$`), answer: { pick: method }, count: [1, 2] },
        { name: 'warning', asks: warning, answer: { button: 'Continue' }, check },
        { name: 'type-name', asks: new RegExp(`^Type the registry name "${r.name}" to confirm`), answer: { type: r.name }, count: [2, 2] },
    ];

    it('disabling the key version in use, from the context menu: the confirmation names the other registry; both rows are marked', async () => {
        const page = workbench!.page;
        await treeRow(page, journeySubscription).first().waitFor();
        await runContextMenu(page, treeRowNamed(page, a.name), 'Revoke Key Access...');
        await walkWithBack(
            page,
            'revoke',
            revokeSteps(a, 'Disable the key version in use', new RegExp(`^Revoke key access of registry "${a.name}" and of 1 other registry\\?$`), async () => {
                const modal = await waitForModal(page, /^Revoke key access of registry/);
                assert.match(
                    modal.detail,
                    new RegExp(`These registries lose access to their key too:\\n• registry "${b.name}" \\(encrypts with the same key version\\)`),
                );
                assert.match(modal.detail, new RegExp(`key "${a.key}" version [0-9a-f]{32}`));
                await screenshot(page, 'journey-revoke-warning-names-other-registry');
            }),
        );
        await waitForNotification(
            page,
            new RegExp(
                `^Key access of registry "${a.name}" revoked: key "${a.key}" version [0-9a-f]{32}\\. Restore Key Access puts exactly this back\\. Also without key access now: ${b.name}\\. The registry's data is now unreachable \\(verified\\)\\.$`,
            ),
            notifications.seen,
        );
        assert.equal((await keyAccessNow(a.id)).accessible, false);
        assert.equal((await keyAccessNow(b.id)).accessible, false);
        await waitUntil(
            'both rows marked',
            async () =>
                (await rowText(workbench!, a.name)).includes('key access revoked') && (await rowText(workbench!, b.name)).includes('key access problem'),
        );
        // The redraw that shows the marks leaves no "Loading subscriptions…" message over finished rows.
        await waitUntil(
            'no loading message over the rows',
            async () => !(await page.locator('.part.sidebar').getByText('Loading subscriptions…').isVisible()),
            10000,
        );
        await screenshot(page, 'journey-revoke-both-rows-marked');
    });

    it('Restore from the palette brings both back; the marks go, and stay gone after Refresh', async () => {
        const page = workbench!.page;
        await runCommand(page, 'Restore Key Access');
        await walkWithBack(page, 'restore', [
            { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, noBack: true },
            { name: 'registry', asks: /^Select a container registry$/, answer: { pick: a.name }, noBack: true },
        ]);
        await waitForNotification(
            page,
            new RegExp(
                `^Key access of registry "${a.name}" restored: key "${a.key}" version [0-9a-f]{32}\\. Key access is back for ${b.name} too\\. The registry's data is readable again \\(verified\\)\\.$`,
            ),
            notifications.seen,
        );
        assert.equal((await keyAccessNow(a.id)).accessible, true);
        assert.equal((await keyAccessNow(b.id)).accessible, true);
        await waitUntil('no marks', async () => !/key access/.test(await rowText(workbench!, a.name)) && !/key access/.test(await rowText(workbench!, b.name)));
        // Refresh re-reads: nothing a flow learnt comes back.
        await runCommand(page, 'Azure Container Registry Keys: Refresh');
        await expandTreeRow(treeRow(page, journeySubscription).first());
        await treeRowNamed(page, b.name).waitFor({ timeout: 60000 });
        assert.doesNotMatch(await rowText(workbench!, b.name), /key access/);
        await screenshot(page, 'journey-restore-marks-gone');
    });

    it('Escape at every step of Revoke changes nothing and shows no notification', async () => {
        const page = workbench!.page;
        const steps = revokeSteps(c, "Remove the identity's key vault access", new RegExp(`^Revoke key access of registry "${c.name}"\\?$`));
        await escapeAtEveryStep(page, () => runContextMenu(page, treeRowNamed(page, c.name), 'Revoke Key Access...'), steps);
    });

    it("removing the identity's access, then Restore from the context menu: the progress names each part; Cancel stops only the wait for the data", async () => {
        const page = workbench!.page;
        // Azure takes its time removing the access, so the progress can be read while it works.
        await callEmulatorAdmin('POST', 'faults', { method: 'PUT', pathPattern: '/accessPolicies/remove$', times: 1, action: { delayMs: 15000 } });
        await runContextMenu(page, treeRowNamed(page, c.name), 'Revoke Key Access...');
        await walkWithBack(
            page,
            'revoke-remove-access',
            revokeSteps(c, "Remove the identity's key vault access", new RegExp(`^Revoke key access of registry "${c.name}"\\?$`), async () => {
                const modal = await waitForModal(page, /^Revoke key access of registry/);
                assert.match(
                    modal.detail,
                    new RegExp(
                        `access policy key permissions get, wrapKey, unwrapKey of identity "${c.identity}" \\(user-assigned\\) on key vault "${c.vault}"`,
                    ),
                );
            }),
        );
        // The first of Revoke's two parts: the removal (then the read of the registry's data that proves it).
        await progressShowing(page, `Revoking key access of ${c.name}… (1/2)`);
        await screenshot(page, 'journey-revoke-progress');
        await waitForNotification(
            page,
            new RegExp(`^Key access of registry "${c.name}" revoked: access policy key permissions .* of identity "${c.identity}" \\(user-assigned\\)`),
            notifications.seen,
        );
        assert.equal((await keyAccessNow(c.id)).accessible, false);
        // After the re-grant the registry's data stays refused a while (as Azure takes time to use the key again): the
        // wait has its own notification, and Cancel there stops the waiting, not the restore, which is done.
        await callEmulatorAdmin('POST', 'faults', {
            method: 'GET',
            pathPattern: '/_catalog$',
            times: 20,
            action: { status: 403, code: 'DENIED', message: 'The registry cannot use its key yet (injected 403).' },
        });
        try {
            await runContextMenu(page, treeRowNamed(page, c.name), 'Restore Key Access');
            const waiting = await progressShowing(page, `Key access of ${c.name} restored. Waiting until its data is readable again…`);
            assert.equal((await keyAccessNow(c.id)).accessible, true, 'the access is back before the wait');
            await waitUntil('the row unmarked while the wait runs', async () => !/key access/.test(await rowText(workbench!, c.name)), 10000);
            await screenshot(page, 'journey-restore-waiting');
            await waiting.locator('.monaco-button', { hasText: 'Cancel' }).click();
            await waitForNotification(
                page,
                new RegExp(`^Key access of registry "${c.name}" restored: access policy key permissions .* The registry's data is not readable yet`),
                notifications.seen,
            );
        } finally {
            await callEmulatorAdmin('DELETE', 'faults');
        }
        assert.equal((await keyAccessNow(c.id)).accessible, true);
    });

    it('disabling all versions of the key from the palette, then Restore: every version enabled again', async () => {
        const page = workbench!.page;
        await runCommand(page, 'Revoke Key Access');
        const [method, ...rest] = revokeSteps(c, 'Disable all versions of the key', new RegExp(`^Revoke key access of registry "${c.name}"\\?$`), async () => {
            const modal = await waitForModal(page, /^Revoke key access of registry/);
            assert.match(modal.detail, new RegExp(`key "${c.key}" version [0-9a-f]{32}`));
        });
        await walkWithBack(page, 'revoke-disable-all', [
            { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, noBack: true },
            { name: 'registry', asks: /^Select a container registry$/, answer: { pick: c.name }, noBack: true },
            { ...method!, noBack: true },
            ...rest,
        ]);
        await waitForNotification(page, new RegExp(`^Key access of registry "${c.name}" revoked: key "${c.key}" version [0-9a-f]{32}`), notifications.seen);
        assert.equal((await keyAccessNow(c.id)).accessible, false);
        await runContextMenu(page, treeRowNamed(page, c.name), 'Restore Key Access');
        await waitForNotification(page, new RegExp(`^Key access of registry "${c.name}" restored: key "${c.key}" version [0-9a-f]{32}`), notifications.seen);
        assert.equal((await keyAccessNow(c.id)).accessible, true);
        await screenshot(page, 'journey-revoke-disable-all-restored');
    });
});
