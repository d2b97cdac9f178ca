// Journey (Playwright on the real workbench): the everyday commands — Show Encryption opens a read-only document named
// after the registry; Copy Key Identifier puts the key id on the clipboard and says so; Open in Portal opens the
// portal page in the browser with no certificate warning.
import * as assert from 'node:assert/strict';
import { waitForNotification } from '../ui/notifications';
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
import { clickModalButton, waitForModal } from './quickInput';
import { walkWithBack } from './walk';
import { getEmulatorJson } from '../emulatorState';
import type { EmulatorWorld } from '../worldExpectations';

const suffix = Date.now().toString(36).slice(-5);

describe('Journey: Show Encryption, Copy Key Identifier, Open in Portal', function () {
    this.timeout(5 * 60 * 1000);
    let workbench: Workbench | undefined;
    let registry: JourneyRegistry;
    before(async () => {
        registry = await createJourneyRegistry(`djevd${suffix}`);
        workbench = await openWorkbenchAtSubscription(journeySubscription);
    });
    // The suite's registries go with it: the shared subscription's list stays short for the suites that follow.
    after(async () => {
        await workbench?.close();
        await deleteJourneyRegistries([registry]);
    });
    const notifications = screenshotOnFailure(() => workbench);

    it('Show Encryption opens "<registry>.encryption.json", read-only, with the key identifier', async () => {
        const page = workbench!.page;
        await runContextMenu(page, treeRowNamed(page, registry.name), 'Show Encryption');
        const tab = page.locator('.tabs-container .tab').filter({ hasText: `${registry.name}.encryption.json` });
        await tab.waitFor({ timeout: 60000 });
        const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
        await lines.filter({ hasText: `/keys/${registry.key}` }).waitFor({ timeout: 30000 });
        assert.match(await lines.innerText(), /"status":\s+"enabled"/);
        // Read-only: typing changes nothing and the tab never shows the unsaved dot.
        await lines.click();
        await page.keyboard.type('x');
        assert.equal(await tab.evaluate((element) => element.classList.contains('dirty')), false, 'the document cannot be edited');
        await screenshot(page, 'journey-show-encryption-named-tab');
    });

    it('Copy Key Identifier puts the configured key id on the clipboard and says so', async () => {
        const page = workbench!.page;
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
        await runContextMenu(page, treeRowNamed(page, registry.name), 'Copy Key Identifier');
        const done = await waitForNotification(page, /^Copied to the clipboard: https:\/\//, notifications.seen);
        const copied = done.message.replace(/^Copied to the clipboard: /, '');
        assert.match(copied, new RegExp(`/keys/${registry.key}$`), 'the versionless identifier the registry is configured with');
        assert.equal(await page.evaluate('navigator.clipboard.readText()'), copied);
    });

    it('Copy Versioned Key Identifier from the palette: the registry picked by subscription and name; the version in use is copied', async () => {
        const page = workbench!.page;
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
        await runCommand(page, 'Copy Versioned Key Identifier');
        await walkWithBack(page, 'copy-versioned', [
            { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, noBack: true },
            { name: 'registry', asks: /^Select a container registry$/, answer: { pick: registry.name }, noBack: true },
        ]);
        const done = await waitForNotification(page, /^Copied to the clipboard: https:\/\//, notifications.seen);
        const copied = done.message.replace(/^Copied to the clipboard: /, '');
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const inUse = Object.values(world.registries).find((r) => r.id.toLowerCase() === registry.id.toLowerCase())!;
        assert.match(copied, new RegExp(`/keys/${registry.key}/[0-9a-f]{32}$`), 'a versioned identifier');
        assert.equal(copied, inUse.encryption.keyVaultProperties?.versionedKeyIdentifier, 'the version the registry uses');
        assert.equal(await page.evaluate('navigator.clipboard.readText()'), copied);
        await screenshot(page, 'journey-copy-versioned-key-identifier');
    });

    it('Open in Portal opens the portal page of the registry in the browser, with no certificate warning', async () => {
        const page = workbench!.page;
        await expandTreeRow(treeRow(page, journeySubscription).first());
        const opened = page.context().waitForEvent('page', { timeout: 60000 });
        await runContextMenu(page, treeRowNamed(page, registry.name), 'Open in Portal');
        // VS Code asks before opening a site it does not trust; loopback sites it opens at once.
        const first = await Promise.race([
            opened.then(() => 'page' as const),
            waitForModal(page, /open the external website/i, 60000).then(
                () => 'asked' as const,
                () => 'page' as const,
            ),
        ]);
        if (first === 'asked') await clickModalButton(page, 'Open');
        const portal = await opened;
        await portal.waitForLoadState('domcontentloaded');
        assert.match(portal.url(), /^http:\/\/portal\.localhost:\d+\//);
        const resource = await waitUntil(
            'the portal page to show the registry',
            async () => {
                const text = await portal
                    .locator('#resource')
                    .innerText()
                    .catch(() => '');
                return text.includes(registry.id) ? text : undefined;
            },
            30000,
        );
        assert.ok(resource.toLowerCase().endsWith(registry.id.toLowerCase()));
        await portal.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR}/journey-open-in-portal.png` });
        await portal.close();
    });
});
