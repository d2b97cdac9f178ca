// Journey (Playwright on the real workbench): Diagnose Key Access with a fix. Someone outside the extension removed a
// registry's access to its key (journeyWorld.ts); Diagnose from the context menu opens the report, marks the row and
// offers the fix in a notification; the fix is picked from the real Quick Pick; the diagnosis runs again and the mark
// goes. Diagnose All from the palette lists each check that did not pass by name with its result.
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { keyAccessNow } from '../emulatorState';
import { clickNotificationAction, waitForNotification } from '../ui/notifications';
import {
    openWorkbenchAtSubscription,
    runCommand,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRowNamed,
    waitUntil,
    type Workbench,
} from '../ui/workbench';
import { createJourneyRegistry, deleteJourneyRegistries, type JourneyRegistry, journeySubscription, removeAccessOutsideTheExtension } from './journeyWorld';
import { pick, waitForPrompt } from './quickInput';

const suffix = Date.now().toString(36).slice(-5);
const rowText = async (page: Page, name: string) => (await treeRowNamed(page, name).innerText()).replace(/\s+/g, ' ');

/** The text of the Markdown preview showing `heading` (the preview renders in nested frames). */
async function previewText(page: Page, heading: RegExp): Promise<string> {
    return waitUntil(`a report preview showing ${heading}`, async () => {
        // Not the workbench itself (its tree also shows registry names): the preview's own frames.
        for (const frame of page.frames().filter((candidate) => candidate !== page.mainFrame()) as Frame[]) {
            const text = await frame
                .locator('body')
                .innerText({ timeout: 1000 })
                .catch(() => '');
            if (heading.test(text)) return text;
        }
        return undefined;
    });
}

describe('Journey: Diagnose Key Access', function () {
    this.timeout(5 * 60 * 1000);
    let workbench: Workbench | undefined;
    let registry: JourneyRegistry;
    before(async () => {
        registry = await createJourneyRegistry(`djdia${suffix}`);
        await removeAccessOutsideTheExtension(registry);
        workbench = await openWorkbenchAtSubscription(journeySubscription);
    });
    // The suite's registries go with it: the shared subscription's list stays short for the suites that follow.
    after(async () => {
        await workbench?.close();
        await deleteJourneyRegistries([registry]);
    });
    const notifications = screenshotOnFailure(() => workbench);

    it('from the context menu: the report, the mark, the fix offered and applied, the mark gone', async () => {
        const page = workbench!.page;
        assert.equal((await keyAccessNow(registry.id)).accessible, false, 'the registry was broken outside the extension');
        await runContextMenu(page, treeRowNamed(page, registry.name), 'Diagnose Key Access');
        const report = await previewText(page, new RegExp(`${registry.name}`));
        assert.match(report, /Key permissions/);
        await waitUntil('the row marked', async () => (await rowText(page, registry.name)).includes('key access problem'));
        const offer = await waitForNotification(page, new RegExp(`^Registry "${registry.name}": 1 problem with a fix\\.$`), notifications.seen);
        assert.equal(offer.severity, 'warning');
        await screenshot(page, 'journey-diagnose-report-and-mark');
        await clickNotificationAction(page, /1 problem with a fix/, 'Fix…');
        await waitForPrompt(page, /^Select a fix to apply$/);
        await pick(page, 'Grant the identity access to the key vault');
        await waitForNotification(page, /^Done: Grant the identity access to the key vault\./, notifications.seen);
        await waitUntil('the key reachable again', async () => (await keyAccessNow(registry.id)).accessible);
        await waitUntil('the mark gone after the second diagnosis', async () => !(await rowText(page, registry.name)).includes('key access'));
        await screenshot(page, 'journey-diagnose-fixed');
    });

    it('Diagnose All from the palette: the table names each check that did not pass, with its result', async () => {
        const page = workbench!.page;
        await removeAccessOutsideTheExtension(registry);
        await runCommand(page, 'Diagnose Key Access of All Registries');
        const report = await previewText(page, /registries checked/);
        assert.match(report, new RegExp(`${registry.name}[^\\n]*Key permissions: Problem`));
        assert.doesNotMatch(report, /\| ℹ Info \|\s*\|/, 'no info row without its detail');
        await screenshot(page, 'journey-diagnose-all-table');
    });
});
