// The packaged extension in a real VS Code: test/runner/e2e/vsixInstalled.mjs packs dist/acr-cmk.vsix with
// `npm run package`, installs it with `code-server --install-extension` into a fresh extensions dir and starts
// code-server on it. The workbench is opened WITHOUT the extensionDevelopmentPath payload, so everything the view
// shows comes from the installed copy. Expectations come from the emulator's live state, not from constants.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getEmulatorJson } from '../emulatorState';
import { activityBarEntry, requiredEnv, screenshot, treeRow, viewContainerTitle, waitUntil, widenSideBar, type Workbench } from '../ui/workbench';
import { registriesOf, subscriptionsOf, type EmulatorWorld } from '../worldExpectations';
import { installedEntry, openInstalledWorkbench, showInstalledExtensions, toggleTreeRow } from './installedWorkbench';

describe('VSIX: the packaged extension installed in code-server', () => {
    let workbench: Workbench;
    let world: EmulatorWorld;
    const installedDir = () => requiredEnv('E2E_INSTALLED_EXTENSION_DIR');
    const repoManifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const extensionId = `${repoManifest.publisher}.${repoManifest.name}`.toLowerCase();

    before(async () => {
        world = await getEmulatorJson<EmulatorWorld>('state');
        workbench = await openInstalledWorkbench();
    });
    after(async () => workbench?.close());

    it('is installed from the VSIX by code-server --install-extension, into the fresh extensions dir', () => {
        const entry = installedEntry(extensionId);
        assert.ok(entry, `${extensionId} is in extensions.json`);
        assert.strictEqual(entry.metadata?.source, 'vsix', 'the server recorded a VSIX install');
        assert.strictEqual(entry.version, repoManifest.version);
        assert.ok(requiredEnv('E2E_LISTED_EXTENSIONS').split(',').includes(`${extensionId}@${repoManifest.version}`), 'code-server --list-extensions shows it');
        const installedManifest = JSON.parse(fs.readFileSync(path.join(installedDir(), 'package.json'), 'utf8'));
        assert.ok(fs.existsSync(path.join(installedDir(), installedManifest.main)), `the installed copy has its main file ${installedManifest.main}`);
        assert.ok(!fs.existsSync(path.join(installedDir(), 'src')), 'sources are not shipped');
        assert.ok(!fs.existsSync(path.join(installedDir(), 'node_modules')), 'no node_modules are shipped (bundled build)');
    });

    it('shows in the Extensions view as installed, with its icon served from the installed folder', async () => {
        const { page } = workbench;
        const row = await showInstalledExtensions(page, installedDisplayName());
        const icon = await row.locator('img.icon').getAttribute('src');
        const iconPath = new URL(icon ?? '', 'http://x/').searchParams.get('path') ?? '';
        assert.ok(iconPath.startsWith(`${requiredEnv('E2E_EXTENSIONS_DIR')}/`), `icon ${iconPath} comes from the extensions dir, not the repository`);
        await screenshot(page, 'vsix-installed-extensions-view');
    });

    it('its view lists every seeded subscription and each registry with its encryption state', async () => {
        const { page } = workbench;
        await activityBarEntry(page, viewContainerTitle()).click();
        await widenSideBar(page);
        const subscriptions = subscriptionsOf(world);
        assert.ok(subscriptions.length > 0 && registriesOf(world).length > 0, 'the emulator world has subscriptions and registries');
        for (const subscription of subscriptions) await treeRow(page, subscription.displayName).first().waitFor({ timeout: 60000 });
        let checked = 0;
        for (const subscription of subscriptions) {
            const registries = registriesOf(world).filter((r) => r.subscriptionId.toLowerCase() === subscription.subscriptionId.toLowerCase());
            if (registries.length === 0) continue;
            const subscriptionRow = treeRow(page, subscription.displayName).first();
            await toggleTreeRow(subscriptionRow, true);
            for (const registry of registries) {
                const encryption = registry.encryption.status === 'enabled' ? 'customer-managed key' : 'service-managed key';
                const row = treeRow(page, registry.name).first();
                await row.waitFor({ timeout: 60000 });
                const text = await row.innerText();
                assert.ok(text.includes(`${registry.sku} · ${encryption}`), `${registry.name} shows "${registry.sku} · ${encryption}", got: ${text}`);
                checked++;
            }
            await toggleTreeRow(subscriptionRow, false);
        }
        assert.strictEqual(checked, registriesOf(world).length, 'every registry in the world was checked');
        await showSubscriptionWithBothKinds(workbench);
        await screenshot(page, 'vsix-installed-tree');
    });

    function installedDisplayName(): string {
        const manifest = JSON.parse(fs.readFileSync(path.join(installedDir(), 'package.json'), 'utf8'));
        const key = /^%(.+)%$/.exec(manifest.displayName)?.[1];
        return key ? JSON.parse(fs.readFileSync(path.join(installedDir(), 'package.nls.json'), 'utf8'))[key] : manifest.displayName;
    }

    /** For the screenshot: the subscription holding the most registries, expanded, once its rows are drawn. */
    async function showSubscriptionWithBothKinds({ page }: Workbench): Promise<void> {
        const count = (id: string) => registriesOf(world).filter((r) => r.subscriptionId.toLowerCase() === id.toLowerCase()).length;
        const subscription = [...subscriptionsOf(world)].sort((a, b) => count(b.subscriptionId) - count(a.subscriptionId))[0]!;
        await toggleTreeRow(treeRow(page, subscription.displayName).first(), true);
        const first = registriesOf(world).find((r) => r.subscriptionId.toLowerCase() === subscription.subscriptionId.toLowerCase())!;
        await waitUntil(`${first.name} to show`, async () => treeRow(page, first.name).first().isVisible());
    }
});
