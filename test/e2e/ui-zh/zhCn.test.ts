// UI level in a real VS Code whose display language is zh-cn (code-server started with `--locale zh-cn` and
// the test-only language pack, see test/runner/e2e/zhCn.mjs): the workbench, the extension's view, its tree
// rows and its wizards speak Chinese. Screenshots (test-results/e2e/zh-cn-*.png) only after asserting.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { getEmulatorJson } from '../emulatorState';
import { activityBarEntry, openWorkbench, pickQuickPickItem, requiredEnv, runCommand, screenshot, treeRow, type Workbench } from '../ui/workbench';
import { cmkRegistries, registriesOf, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { contributesCommand, zhL10n, zhNls } from './chinese';

const quickInput = (page: Page) => page.locator('.quick-input-widget');

/** The Explorer's title as the test language pack translates it (the pack is the only source of workbench Chinese). */
function languagePackExplorerTitle(): string {
    const file = path.join(requiredEnv('E2E_EXTENSION_DIR'), 'test', 'e2e', 'fixtures', 'zh-cn-language-pack', 'translations', 'main.i18n.json');
    const pack = JSON.parse(fs.readFileSync(file, 'utf8')) as { contents: Record<string, Record<string, string>> };
    const title = pack.contents['vs/workbench/contrib/files/browser/explorerViewlet']?.explore;
    if (!title) throw new Error(`${file} does not translate the Explorer`);
    return title;
}

async function waitForPlaceholder(page: Page, placeholder: string): Promise<void> {
    await quickInput(page).locator(`.quick-input-box input[placeholder="${placeholder}"]`).waitFor({ timeout: 60000 });
}

/** Drags the sidebar's edge so the screenshot shows whole descriptions (they are in the DOM either way). */
async function widenSidebar(page: Page): Promise<void> {
    const box = await page.locator('.part.sidebar').boundingBox();
    if (!box) return;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width + 1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 720, y, { steps: 8 });
    await page.mouse.up();
    await page.mouse.move(box.x + 200, box.y + box.height - 40); // off the sash, whose highlight would cross the screenshot
}

async function closeQuickInput(page: Page): Promise<void> {
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden' });
}

describe('UI (zh-cn): the extension in a VS Code whose display language is Chinese', () => {
    let workbench: Workbench;
    let world: EmulatorWorld;
    let cmkRegistry: WorldRegistry;

    before(async () => {
        world = await getEmulatorJson<EmulatorWorld>('state');
        const first = cmkRegistries(world)[0];
        assert.ok(first, 'the sample world has a CMK registry');
        cmkRegistry = first;
        workbench = await openWorkbench();
    });
    // A failed step leaves its screen in the logs folder (not next to the asserted screenshots) for diagnosis.
    afterEach(async function () {
        if (this.currentTest?.state === 'failed' && workbench) {
            await screenshot(workbench.page, path.join('logs', `zh-cn-failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-')}`)).catch(() => undefined);
        }
    });
    after(async () => workbench?.close());

    const subscriptionName = (registry: WorldRegistry) => world.subscriptions[registry.subscriptionId.toLowerCase()]?.displayName ?? '';

    it('runs the workbench in zh-cn (the test language pack is active)', async () => {
        const { page } = workbench;
        await activityBarEntry(page, languagePackExplorerTitle()).first().waitFor({ timeout: 60000 });
        assert.strictEqual(await activityBarEntry(page, 'Explorer').count(), 0, 'the English Explorer title is gone');
    });

    it('shows the view and the registry rows in Chinese', async () => {
        const { page } = workbench;
        await activityBarEntry(page, zhNls('view.container.title')).click();
        const sidebarTitle = page.locator('.part.sidebar .composite.title');
        await sidebarTitle.filter({ hasText: zhNls('view.container.title') }).waitFor({ timeout: 60000 });
        const subscriptionRow = treeRow(page, subscriptionName(cmkRegistry)).first();
        await subscriptionRow.waitFor({ timeout: 90000 });
        await subscriptionRow.click();
        const cmkRow = treeRow(page, cmkRegistry.name).first();
        await cmkRow.filter({ hasText: zhL10n('customer-managed key') }).waitFor({ timeout: 60000 });
        const serviceManaged = registriesOf(world).find((r) => r.subscriptionId === cmkRegistry.subscriptionId && r.encryption.status !== 'enabled');
        if (serviceManaged) {
            await treeRow(page, serviceManaged.name)
                .first()
                .filter({ hasText: zhL10n('service-managed key') })
                .waitFor();
        }
        assert.doesNotMatch(await cmkRow.innerText(), /customer-managed/i, 'no English left on the registry row');
        // The CMK registry's details: 密钥保管库, 密钥, 版本, 标识 …
        await cmkRow.click();
        for (const label of ['Key vault', 'Key', 'Identity']) await treeRow(page, zhL10n(label)).first().waitFor({ timeout: 30000 });
        await widenSidebar(page);
        await screenshot(page, 'zh-cn-tree');
    });

    it('asks the Show Encryption questions in Chinese', async () => {
        const { page } = workbench;
        await runCommand(page, zhNls('command.showEncryption'));
        await waitForPlaceholder(page, zhL10n('Select a subscription'));
        await pickQuickPickItem(page, subscriptionName(cmkRegistry));
        await waitForPlaceholder(page, zhL10n('Select a container registry'));
        await quickInput(page)
            .locator('.monaco-list-row')
            .filter({ hasText: cmkRegistry.name })
            .filter({ hasText: zhL10n('customer-managed key') })
            .first()
            .waitFor();
        await screenshot(page, 'zh-cn-show-encryption-pick');
        await closeQuickInput(page);
    });

    it('opens the create wizard with a Chinese title and first question', async function () {
        if (!contributesCommand('acrCmk.createEncryptedRegistry')) this.skip();
        const { page } = workbench;
        await runCommand(page, zhNls('command.createEncryptedRegistry'));
        await quickInput(page)
            .locator('.quick-input-title')
            .filter({ hasText: zhL10n('Create Registry with Customer-Managed Key') })
            .waitFor({ timeout: 60000 });
        await waitForPlaceholder(page, zhL10n('Select a subscription'));
        await screenshot(page, 'zh-cn-create-wizard');
        await closeQuickInput(page);
    });
});
