#!/usr/bin/env node
// The README's tree screenshot, taken from the real VS Code of a running playground (`npm start`):
//   node test/playground/screenshot.mjs [http://127.0.0.1:8080/] [media/screenshots/tree.png]
// Expands the subscription with the most CMK registries and one CMK registry, and shoots only after the
// registry's encryption details are on screen.
import { mkdirSync, readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { launchChromium } from '../runner/e2e/browser.mjs';
import { repoRoot } from '../runner/e2e/paths.mjs';

const serverUrl = process.argv[2] ?? 'http://127.0.0.1:8080/';
const output = path.resolve(repoRoot, process.argv[3] ?? 'media/screenshots/tree.png');
const environment = JSON.parse(readFileSync(path.join(repoRoot, '.playground', 'emulator', 'environment.json'), 'utf8'));
const world = await getJson(new URL('state', environment.adminEndpoint), path.resolve(repoRoot, '.playground', 'emulator', environment.caCertPath));

const cmk = Object.values(world.registries).filter((r) => r.encryption.status === 'enabled');
const countBySubscription = new Map();
for (const r of cmk) countBySubscription.set(r.subscriptionId.toLowerCase(), (countBySubscription.get(r.subscriptionId.toLowerCase()) ?? 0) + 1);
const [subscriptionId] = [...countBySubscription.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
if (!subscriptionId) throw new Error('the playground world has no CMK registry');
const subscription = world.subscriptions[subscriptionId];
const registry = cmk.filter((r) => r.subscriptionId.toLowerCase() === subscriptionId).sort((a, b) => a.name.localeCompare(b.name))[0];

// The browser trusts the emulator's certificate (the sign-in page is HTTPS), as a machine with its CA installed does.
const caPath = path.resolve(repoRoot, '.playground', 'emulator', environment.caCertPath);
const browser = await launchChromium({ trustCertificatePem: readFileSync(path.join(path.dirname(caPath), 'server.pem'), 'utf8') });
try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
    await page.goto(`${serverUrl}?folder=${encodeURIComponent(path.join(repoRoot, '.playground', 'workspace'))}`);
    const title = JSON.parse(readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'))[viewContainerTitleKey()];
    await page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`).click();
    await widenSideBar(page, 560);
    const row = (text) => page.locator('.part.sidebar .monaco-list-row').filter({ hasText: text }).first();
    await Promise.race([row(subscription.displayName).waitFor({ timeout: 60000 }), row('Sign in to Azure…').waitFor({ timeout: 60000 })]);
    if (await row('Sign in to Azure…').isVisible()) await signInAsOwner(page, row('Sign in to Azure…'));
    await row(subscription.displayName).click();
    await row(registry.name).click();
    const versionRow = row(/automatic rotation|Version/);
    await versionRow.waitFor({ timeout: 60000 });
    await row(new URL(registry.encryption.keyVaultProperties.keyIdentifier).hostname.split('.')[0]).waitFor();
    await page.mouse.move(600, 600); // no hover highlight in the picture
    mkdirSync(path.dirname(output), { recursive: true });
    await page.screenshot({ path: output });
    console.log(`screenshot ${path.relative(repoRoot, output)}: ${subscription.displayName} → ${registry.name}`);
} finally {
    await browser.close();
}

/** The playground starts signed out: Sign In, VS Code's consent, the emulator's sign-in page in a new tab, Olivia Owner. */
async function signInAsOwner(page, signInRow) {
    const tab = page.context().waitForEvent('page', { timeout: 60000 });
    await signInRow.click();
    await page
        .locator('.monaco-dialog-box .dialog-buttons .monaco-button')
        .filter({ hasText: /^Allow$/ })
        .click({ timeout: 30000 });
    const signInPage = await tab;
    await signInPage.locator('button.account', { hasText: 'Olivia Owner' }).click({ timeout: 60000 });
    await signInPage.getByText('You are signed in').waitFor({ timeout: 60000 });
    await signInPage.close();
    await page.bringToFront();
}

/** Drags the sash between the side bar and the editor so descriptions are readable. */
async function widenSideBar(page, width) {
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (!sidebar) return;
    const edge = sidebar.x + sidebar.width;
    await page.mouse.move(edge, sidebar.y + 200);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + width, sidebar.y + 200, { steps: 5 });
    await page.mouse.up();
}

function viewContainerTitleKey() {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const container = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === 'acrCmk');
    return /^%(.+)%$/.exec(container.title)?.[1] ?? container.title;
}

function getJson(url, caPath) {
    return new Promise((resolve, reject) => {
        https
            .get(url, { ca: readFileSync(caPath) }, (response) => {
                let body = '';
                response.on('data', (chunk) => (body += chunk));
                response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`GET ${url} → ${response.statusCode}`))));
            })
            .on('error', reject);
    });
}
