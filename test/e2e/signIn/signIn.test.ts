// Sign-in as users do (Playwright on the real workbench, its own code-server: see test/runner/e2e/signIn.mjs). The
// extension runs on its default credential, VS Code's Microsoft account: the Sign In row, VS Code's consent dialog, the
// browser tab with the emulator's sign-in page, the redirect back, then the tree, a flow that needs a Key Vault token
// (obtained silently), sign-out from the Accounts menu, and a reader whose change is refused before anything happens.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { getEmulatorJson } from '../emulatorState';
import { createJourneyRegistry, grantVaultRoleToUser, journeySubscription, type JourneyRegistry } from '../journey/journeyWorld';
import { clickModalButton, pick, readModal, waitForModal, waitForPrompt } from '../journey/quickInput';
import { waitForNotification } from '../ui/notifications';
import {
    activityBarEntry,
    expandTreeRow,
    openWorkbench,
    runCommand,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRow,
    treeRowNamed,
    viewContainerTitle,
    waitUntil,
    widenSideBar,
    type Workbench,
} from '../ui/workbench';

interface EnvironmentFile {
    subscriptions: { id: string; name: string }[];
    users: { upn: string; objectId: string; displayName: string }[];
}
const environment = (): EnvironmentFile => JSON.parse(fs.readFileSync(process.env.E2E_EMULATOR_ENVIRONMENT!, 'utf8')) as EnvironmentFile;
const keyVaultCryptoOfficer = '14b46e9e-c2b7-41b4-b07b-48a6ebf60603';
const suffix = Date.now().toString(36).slice(-5);
const signInRow = 'Sign in to Azure…';

/**
 * From the tree's Sign In row to the signed-in tree: VS Code's consent (when it asks), the browser tab the provider
 * opens (after VS Code's own "open the external website?" question, when it asks), the account picked on the
 * emulator's sign-in page, the tab's "signed in" answer.
 */
async function signInThroughBrowser(page: Page, displayName: string, shots: { consent?: string; page?: string } = {}): Promise<void> {
    const tabOpened = page.context().waitForEvent('page', { timeout: 90000 });
    await treeRow(page, signInRow).first().click();
    // VS Code asks before an extension may use an account (first sign-in); then, maybe, before opening a website.
    const opened = await Promise.race([
        tabOpened.then((tab) => ({ tab })),
        waitUntil('a dialog or the browser tab', () => readModal(page), 90000).then((modal) => ({ modal })),
    ]);
    let tab = 'tab' in opened ? opened.tab : undefined;
    for (let round = 0; !tab && round < 3; round++) {
        const modal = await readModal(page);
        const text = modal ? `${modal.message} ${modal.detail}` : '';
        if (modal && /wants to sign in using Microsoft/.test(text)) {
            if (shots.consent) await screenshot(page, shots.consent);
            await clickModalButton(page, 'Allow');
        } else if (modal && /open the external website/i.test(text)) {
            await clickModalButton(page, 'Open');
        } else if (modal) {
            throw new Error(`unexpected dialog during sign-in: ${text}`);
        }
        tab = await Promise.race([tabOpened, waitUntil('another dialog', () => readModal(page), 90000).then(() => undefined)]);
    }
    if (!tab) throw new Error('the sign-in did not open a browser tab');
    const account = tab.locator('button.account', { hasText: displayName });
    await account.waitFor({ timeout: 60000 }).catch(async (error: Error) => {
        await screenshot(tab!, 'failed-sign-in-tab').catch(() => undefined);
        throw new Error(
            `${error.message}\nthe tab shows ${tab!.url()}: ${(
                await tab!
                    .locator('body')
                    .innerText()
                    .catch(() => '')
            ).slice(0, 500)}`,
        );
    });
    assert.match(new URL(tab.url()).hostname, /^login\.localhost$/, "the sign-in page is the identity platform's");
    if (shots.page) await screenshot(tab, shots.page);
    await account.click({ noWaitAfter: true });
    await tab
        .getByText('You are signed in')
        .waitFor({ timeout: 60000 })
        .catch(async (error: Error) => {
            await screenshot(tab!, 'failed-sign-in-tab').catch(() => undefined);
            throw new Error(
                `${error.message}\nthe tab shows ${tab!.url()}: ${(
                    await tab!
                        .locator('body')
                        .innerText()
                        .catch(() => '')
                ).slice(0, 500)}`,
            );
        });
    await tab.close();
    await page.bringToFront();
}

/** The Accounts menu → the account → Sign Out, and VS Code's confirmation. */
async function signOutFromAccountsMenu(page: Page, upn: string): Promise<void> {
    await page.locator('.part.activitybar .action-item a.action-label[aria-label^="Accounts"]').click();
    const menu = page.locator('.monaco-menu').first();
    const accountEntry = menu.locator('.action-item').filter({ hasText: upn }).first();
    await accountEntry.waitFor({ timeout: 30000 });
    await accountEntry.hover();
    const signOut = page
        .locator('.monaco-menu .action-item')
        .filter({ hasText: /^Sign Out$/ })
        .first();
    await signOut.waitFor({ timeout: 10000 });
    // As with context menus (runContextMenu), hover then Enter: a click racing the submenu's animation can be lost.
    await signOut.hover();
    await page.keyboard.press('Enter');
    // VS Code confirms when extensions used the account, naming them.
    const modal = await waitUntil(
        "VS Code's sign-out confirmation",
        async () => {
            const shown = await readModal(page);
            return shown && /Sign out/i.test(`${shown.message} ${shown.detail}`) ? shown : undefined;
        },
        15000,
    ).catch(() => undefined);
    if (modal) {
        assert.match(`${modal.message} ${modal.detail}`, /Container Registry/, 'the confirmation names the extension that used the account');
        await screenshot(page, 'sign-in-sign-out-confirm');
        await clickModalButton(page, modal.buttons.find((button) => /^Sign Out$/.test(button)) ?? 'Sign Out');
    }
}

async function shownSubscriptions(page: Page, names: string[]): Promise<string[]> {
    const shown: string[] = [];
    for (const name of names) if ((await treeRow(page, name).count()) > 0) shown.push(name);
    return shown;
}

async function registryKeyNow(id: string): Promise<string> {
    const world = await getEmulatorJson<{ registries: Record<string, { id: string; encryption: { keyVaultProperties?: { keyIdentifier: string } } }> }>(
        'state',
    );
    return Object.values(world.registries).find((r) => r.id.toLowerCase() === id.toLowerCase())?.encryption.keyVaultProperties?.keyIdentifier ?? '';
}

describe("Sign-in through VS Code's Microsoft account (the emulator's identity platform)", function () {
    this.timeout(10 * 60 * 1000);
    let workbench: Workbench | undefined;
    let registry: JourneyRegistry;
    const env = environment();
    const names = env.subscriptions.map((s) => s.name).sort();
    const owner = env.users.find((u) => u.upn.startsWith('owner@'))!;
    const reader = env.users.find((u) => u.upn.startsWith('reader@'))!;
    before(async () => {
        // A registry with a pinned key in an RBAC vault, whose administrator made the owner a Key Vault Crypto Officer there.
        registry = await createJourneyRegistry(`djsign${suffix}`, { permissionModel: 'rbac', versionless: false });
        await grantVaultRoleToUser(registry, owner.objectId, keyVaultCryptoOfficer);
        // The browser trusts the emulator's certificate, as a machine with its CA installed does (the sign-in page is HTTPS).
        const serverCertificate = fs.readFileSync(path.join(path.dirname(process.env.E2E_EMULATOR_CA!), 'server.pem'), 'utf8');
        workbench = await openWorkbench({ trustCertificatePem: serverCertificate });
        await activityBarEntry(workbench.page, viewContainerTitle()).click();
        await widenSideBar(workbench.page);
    });
    after(async () => workbench?.close());
    const notifications = screenshotOnFailure(() => workbench);

    it("signs in through VS Code's Microsoft account", async () => {
        const page = workbench!.page;
        await treeRow(page, signInRow).first().waitFor({ timeout: 60000 });
        await signInThroughBrowser(page, owner.displayName, { consent: 'sign-in-consent', page: 'sign-in-page' });
        await waitUntil('every subscription of the owner in the tree', async () => (await shownSubscriptions(page, names)).length === names.length);
        assert.equal(await treeRow(page, signInRow).count(), 0, 'the Sign In row is gone');
        await screenshot(page, 'sign-in-tree');

        // A change that needs Key Vault: a new key version (the vault token comes from the same account, no second prompt).
        const before = await registryKeyNow(registry.id);
        await expandTreeRow(treeRow(page, journeySubscription).first());
        await runContextMenu(page, treeRowNamed(page, registry.name), 'Rotate Key...');
        await waitForPrompt(page, /^Which key should the registry use\?$/);
        await pick(page, `New version of key "${registry.key}"`);
        await waitForPrompt(page, /^How should the registry follow the key\?$/);
        await pick(page, 'Pinned version — manual rotation');
        await waitForPrompt(page, /^Select the identity the registry uses to reach its key$/);
        await pick(page, 'Keep the current identity');
        await waitForModal(page, new RegExp(`^Change the encryption of registry "${registry.name}"\\?$`));
        assert.equal(page.context().pages().length, 1, 'no second browser sign-in was opened');
        await clickModalButton(page, 'Change Encryption');
        await waitForNotification(
            page,
            new RegExp(`^Registry "${registry.name}" now uses key "${registry.key}" in key vault "${registry.vault}" \\(version [0-9a-f]{8}…\\)`),
            notifications.seen,
        );
        assert.notEqual(await registryKeyNow(registry.id), before, 'the registry uses the new version');
        assert.equal(page.context().pages().length, 1, 'the Key Vault token came without another browser sign-in');
    });

    it('signing out from the Accounts menu shows the signed-out view; the reader sees only its subscription and is refused a change before it starts', async () => {
        const page = workbench!.page;
        await signOutFromAccountsMenu(page, owner.upn);
        await treeRow(page, signInRow).first().waitFor({ timeout: 60000 });
        assert.deepEqual(await shownSubscriptions(page, names), [], 'no subscription is listed after signing out');
        await screenshot(page, 'sign-in-signed-out');

        await signInThroughBrowser(page, reader.displayName);
        const readerSubscription = env.subscriptions[0]!.name;
        await waitUntil("the reader's subscription in the tree", async () => (await shownSubscriptions(page, names)).join() === readerSubscription);

        // A registry of the reader's subscription, encrypted with a customer-managed key: reading works, changing does not.
        const world = await getEmulatorJson<{ registries: Record<string, { id: string; name: string; encryption: { status: string } }> }>('state');
        const target = Object.values(world.registries).find(
            (r) => r.encryption.status === 'enabled' && r.id.toLowerCase().startsWith(`/subscriptions/${env.subscriptions[0]!.id}/`.toLowerCase()),
        )!;
        const keyBefore = await registryKeyNow(target.id);
        const { lastSeq } = await getEmulatorJson<{ lastSeq: number }>('requests?since=999999999');
        await expandTreeRow(treeRow(page, readerSubscription).first());
        await runContextMenu(page, treeRowNamed(page, target.name), 'Rotate Key...');
        // The refusal comes before the first question: the wizard's prompt must not show in the meantime.
        const askedFirst = await Promise.race([
            waitForPrompt(page, /^Which key should the registry use\?$/, 30000).then(
                () => true,
                () => false,
            ),
            // A new notification puts a dot on the status bar's bell (the centre was cleared before the test).
            waitUntil('the refusal', async () => (await page.locator('.part.statusbar .codicon-bell-dot').count()) > 0, 30000).then(
                () => false,
                () => false,
            ),
        ]);
        assert.equal(askedFirst, false, 'no question was asked before the refusal');
        const refusal = new RegExp(
            `^Your account may not change registry "${target.name}": its roles there do not include the permission "Microsoft\\.ContainerRegistry/registries/write"\\. Nothing was changed\\.`,
        );
        notifications.expected.push(refusal);
        await waitForNotification(page, refusal, notifications.seen);
        await runCommand(page, 'Notifications: Show Notifications');
        await page.locator('.notifications-center.visible').waitFor({ timeout: 10000 });
        await screenshot(page, 'sign-in-reader-refused');
        const after = await getEmulatorJson<{ requests: { method: string; path: string }[] }>(`requests?since=${lastSeq}`);
        // Reads sent as POST are not changes: a token request, and a Resource Graph query (the fleet warnings of the rows drawn).
        const changes = after.requests.filter(
            (r) => !['GET', 'HEAD'].includes(r.method) && !/\/oauth2\//.test(r.path) && !/^\/providers\/Microsoft\.ResourceGraph\/resources$/i.test(r.path),
        );
        assert.deepEqual(
            changes.map((r) => `${r.method} ${r.path}`),
            [],
            'nothing was sent that changes Azure',
        );
        assert.equal(await registryKeyNow(target.id), keyBefore);
    });
});
