// UI level (Playwright on the real workbench): a registry whose encryption identity was removed from it, outside the
// extension. Its row in the Registries view carries the problem mark (warning icon), its tooltip states the fact,
// and Diagnose Key Access states it in the same sentence, then adds what only it knows (the identity still exists).
import * as assert from 'node:assert';
import type { Locator, Page } from 'playwright-core';
import { getEmulatorJson } from '../emulatorState';
import {
    createJourneyRegistry,
    deleteJourneyRegistries,
    journeySubscription,
    removeEncryptionIdentityOutsideTheExtension,
    type JourneyRegistry,
} from '../journey/journeyWorld';
import type { EmulatorWorld } from '../worldExpectations';
import {
    activityBarEntry,
    expandTreeRow,
    openWorkbench,
    pickQuickPickItem,
    runCommand,
    screenshot,
    screenshotOnFailure,
    viewContainerTitle,
    waitUntil,
    widenSideBar,
    type Workbench,
} from './workbench';

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The registry's row in the Registries view, its subscription expanded. */
async function registryRow(page: Page, registry: JourneyRegistry): Promise<Locator> {
    const header = page.locator('.pane-header', { hasText: /^Registries/ });
    await header.waitFor({ timeout: 60000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const pane = page.locator('.pane').filter({ has: header });
    await expandTreeRow(pane.locator('.monaco-list-row').filter({ hasText: journeySubscription }).first());
    const row = pane
        .locator('.monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: exactly(registry.name) }) })
        .first();
    await row.waitFor({ timeout: 60000 });
    return row;
}

describe('UI: the problem mark of a registry whose encryption identity was removed, worded as Diagnose words it', () => {
    let workbench: Workbench;
    let registry: JourneyRegistry;
    let clientId: string;
    before(async () => {
        registry = await createJourneyRegistry(`djpm${Date.now().toString(36).slice(-5)}`);
        clientId = await removeEncryptionIdentityOutsideTheExtension(registry);
        workbench = await openWorkbench();
        await activityBarEntry(workbench.page, viewContainerTitle()).click();
        await widenSideBar(workbench.page, 700);
    });
    after(async () => {
        await workbench?.close();
        await deleteJourneyRegistries([registry]);
        const left = Object.values((await getEmulatorJson<EmulatorWorld>('state')).registries).filter(
            (made) => made.id.toLowerCase() === registry?.id.toLowerCase(),
        );
        assert.deepEqual(
            left.map((made) => made.name),
            [],
            "the suite's registry is deleted",
        );
    });
    screenshotOnFailure(() => workbench);

    const fact = () => `The identity used for encryption (client ID ${clientId}) is no longer assigned to the registry.`;

    it('the row: the warning icon, and the tooltip states the fact (the fleet warning too, in the same sentence)', async () => {
        const { page } = workbench;
        const row = await registryRow(page, registry);
        // Both marks drawn first: the row is redrawn when the fleet warning arrives, which closes an open hover.
        await waitUntil(
            'the warning icon and the fleet warning on the row',
            async () => (await row.locator('.codicon-warning').count()) === 1 && /⚠ 1 fleet warning/.test(await row.innerText().catch(() => '')),
        );
        const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: registry.name }).first();
        await waitUntil("the row's tooltip", async () => {
            await page.mouse.move(0, 0);
            await row.locator('.label-name').hover();
            return hover.waitFor({ timeout: 5000 }).then(
                () => true,
                () => false,
            );
        });
        const tooltip = (await hover.innerText()).replace(/\s+/g, ' ');
        assert.ok(tooltip.includes(fact()), tooltip);
        // The fleet warning states it too: in the same sentence, then what it adds.
        const statements = (text: string) => tooltip.split(text).length - 1;
        assert.equal(statements('no longer assigned'), statements(fact()), `every line stating the fact uses the one sentence: ${tooltip}`);
        await screenshot(page, 'registry-problem-mark');
        await page.mouse.move(0, 0);
    });

    it('Diagnose Key Access: the same sentence, then that the identity still exists and until when it works', async () => {
        const { page } = workbench;
        await runCommand(page, 'Diagnose Key Access');
        await pickQuickPickItem(page, journeySubscription);
        await pickQuickPickItem(page, registry.name);
        const preview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
        await preview.getByText('Key access diagnosis').first().waitFor({ timeout: 60000 });
        const report = (await preview.locator('body').innerText()).replace(/\s+/g, ' ');
        assert.ok(report.includes(fact()), report);
        assert.match(report, new RegExp(`Identity "${registry.identity}" still exists, and Azure keeps it working`));
        await screenshot(page, 'diagnose-removed-identity');
    });
});
