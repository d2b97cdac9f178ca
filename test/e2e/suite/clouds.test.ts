// Cloud selection in the real extension host, changed only through settings (`acrCmk.cloud`, `acrCmk.customCloud.*`,
// VS Code's `microsoft-sovereign-cloud.*`) and observed only through the extension's behaviour: the portal URL
// Open in Portal returns, and the sign-in host it contacts. Every setting is put back afterwards, and the tree
// is seen listing the emulator's world again before the next test file runs.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { getEmulatorJson } from '../emulatorState';
import { registriesOf, subscriptionsOf, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { activateExtension, type AcrCmkTestApi } from './extensionApi';
import { recordHostLookups } from './hostLookups';

type Setting = { section: string; key: string };
// Restored in this order: the credential first, so no intermediate state signs in with the VS Code account.
const touched: Setting[] = [
    { section: 'acrCmk', key: 'credential' },
    { section: 'acrCmk', key: 'cloud' },
    { section: 'acrCmk', key: 'customCloud.portalUrl' },
    { section: 'microsoft-sovereign-cloud', key: 'environment' },
    { section: 'microsoft-sovereign-cloud', key: 'customEnvironment' },
];

/** Writes user settings and waits until the extension host reads the new value back. */
async function setUserSetting(section: string, key: string, value: unknown): Promise<void> {
    await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
    const deadline = Date.now() + 10000;
    const expected = JSON.stringify(value);
    while (JSON.stringify(vscode.workspace.getConfiguration(section).inspect(key)?.globalValue) !== expected) {
        if (Date.now() > deadline) throw new Error(`${section}.${key} did not take the value ${expected}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

async function openInPortal(registry: WorldRegistry): Promise<string> {
    const url = await vscode.commands.executeCommand<string | undefined>('acrCmk.openInPortal', registry.id);
    assert.ok(url, `Open in Portal returned a URL for ${registry.name}`);
    return url;
}

/** Polls the tree until its roots are the given subscription names (the session is rebuilt on settings changes). */
async function waitForTreeRoots(api: AcrCmkTestApi, names: string[]): Promise<void> {
    const deadline = Date.now() + 45000;
    let last = '';
    for (;;) {
        await api.refresh();
        const roots = (await api.getTreeSnapshot()).map((row) => row.label).sort();
        if (JSON.stringify(roots) === JSON.stringify([...names].sort())) return;
        last = JSON.stringify(roots);
        if (Date.now() > deadline) throw new Error(`tree roots are ${last}, expected ${JSON.stringify(names)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
}

describe('cloud selection through settings (real extension host)', () => {
    let api: AcrCmkTestApi;
    let world: EmulatorWorld;
    let registry: WorldRegistry;
    const saved = new Map<string, unknown>();

    before(async () => {
        api = await activateExtension();
        world = await getEmulatorJson<EmulatorWorld>('state');
        const first = registriesOf(world)[0];
        assert.ok(first, 'the sample world has a registry');
        registry = first;
        for (const { section, key } of touched) saved.set(`${section}.${key}`, vscode.workspace.getConfiguration(section).inspect(key)?.globalValue);
    });

    after(async () => {
        for (const { section, key } of touched) await setUserSetting(section, key, saved.get(`${section}.${key}`));
        await waitForTreeRoots(
            api,
            subscriptionsOf(world).map((s) => s.displayName),
        );
    });

    it("opens the registry in the custom cloud's portal, in the right directory", async () => {
        const portal = vscode.workspace.getConfiguration('acrCmk').get<string>('customCloud.portalUrl', '').replace(/\/+$/, '');
        const tenant = vscode.workspace.getConfiguration('acrCmk').get<string>('customCloud.tenantId', '');
        assert.match(
            portal,
            /^http:\/\/portal\.localhost:\d+$/,
            'the harness points the portal at the emulator (plain HTTP on loopback: browsers open it without a certificate warning)',
        );
        assert.strictEqual(await openInPortal(registry), `${portal}/#@${tenant}/resource${registry.id}`);
    });

    it('follows a changed acrCmk.customCloud.portalUrl without a reload', async () => {
        await setUserSetting('acrCmk', 'customCloud.portalUrl', 'https://portal.contoso-sovereign.localhost/');
        assert.match(await openInPortal(registry), new RegExp(`^https://portal\\.contoso-sovereign\\.localhost/#@[^/]+/resource${escapeRegExp(registry.id)}$`));
    });

    it('follows microsoft-sovereign-cloud.environment = custom (and its customEnvironment) when acrCmk.cloud is empty', async () => {
        const custom = vscode.workspace.getConfiguration('acrCmk.customCloud');
        await setUserSetting('acrCmk', 'customCloud.portalUrl', '');
        await setUserSetting('microsoft-sovereign-cloud', 'customEnvironment', {
            name: 'EmulatorCloud',
            portalUrl: 'https://portal.from-vscode-sovereign.localhost',
            resourceManagerEndpointUrl: custom.get('resourceManagerEndpoint'),
            activeDirectoryEndpointUrl: custom.get('authorityHost'),
            activeDirectoryResourceId: custom.get('resourceManagerAudience'),
            keyVaultDnsSuffix: custom.get('keyVaultDnsSuffix'),
        });
        await setUserSetting('microsoft-sovereign-cloud', 'environment', 'custom');
        await setUserSetting('acrCmk', 'cloud', '');
        assert.match(await openInPortal(registry), /^https:\/\/portal\.from-vscode-sovereign\.localhost\/#@/);
    });

    // Azure China's authority answers under two names: MSAL's built-in instance metadata lists login.chinacloudapi.cn
    // (what the cloud configures) as an alias of login.partner.microsoftonline.cn (what it then contacts).
    const chinaAuthority = ['login.chinacloudapi.cn', 'login.partner.microsoftonline.cn'];
    const usGovAuthority = ['login.microsoftonline.us'];
    const signInHosts: [string, string, string[], string[]][] = [
        // [acrCmk.cloud, microsoft-sovereign-cloud.environment, the cloud's sign-in hosts, another cloud's that must not be contacted]
        // Both ways of choosing, each with one sovereign cloud (each case waits out the SDK's retries, ~5 s).
        ['AzureChinaCloud', '', chinaAuthority, usGovAuthority],
        ['', 'USGovernment', usGovAuthority, chinaAuthority],
    ];
    it('refuses, before any sign-in, a VS Code account whose sovereign cloud differs from acrCmk.cloud', async () => {
        await setUserSetting('microsoft-sovereign-cloud', 'environment', undefined);
        await setUserSetting('acrCmk', 'cloud', 'AzureChinaCloud');
        await setUserSetting('acrCmk', 'credential', 'vscode');
        const lookups = recordHostLookups();
        try {
            await api.refresh();
            const roots = await api.getTreeSnapshot();
            assert.strictEqual(roots.length, 1, JSON.stringify(roots));
            assert.match(
                roots[0]?.label ?? '',
                /AzureChinaCloud.*AzureCloud.*microsoft-sovereign-cloud\.environment/,
                'the error row names both clouds and the VS Code setting',
            );
            assert.deepStrictEqual(
                lookups.hosts.filter((host) => !/localhost$/.test(host)),
                [],
                'no sign-in host was contacted',
            );
        } finally {
            lookups.stop();
            await setUserSetting('acrCmk', 'credential', saved.get('acrCmk.credential'));
        }
    });

    for (const [cloud, sovereign, expectedHosts, otherHosts] of signInHosts) {
        const title = cloud ? `acrCmk.cloud = ${cloud}` : `acrCmk.cloud empty, microsoft-sovereign-cloud.environment = ${sovereign}`;
        it(`signs in at ${expectedHosts[0]} for ${title}`, async () => {
            await setUserSetting('microsoft-sovereign-cloud', 'environment', sovereign || undefined);
            await setUserSetting('acrCmk', 'cloud', cloud);
            const lookups = recordHostLookups();
            try {
                await api.refresh();
                const roots = await api.getTreeSnapshot();
                const looked = JSON.stringify([...new Set(lookups.hosts)]);
                assert.ok(
                    lookups.hosts.some((host) => expectedHosts.includes(host)),
                    `looked up ${looked}`,
                );
                assert.ok(!lookups.hosts.some((host) => otherHosts.includes(host)), `looked up ${looked}`);
                // Offline (the test refuses real Azure names), the tree says why instead of listing the emulator's world.
                assert.ok(
                    roots.every((row) => !subscriptionsOf(world).some((s) => s.displayName === row.label)),
                    JSON.stringify(roots.map((r) => r.label)),
                );
            } finally {
                lookups.stop();
            }
        });
    }
});

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
