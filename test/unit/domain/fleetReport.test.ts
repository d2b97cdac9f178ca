import '../badInput/vscodeStandIn';
import * as assert from 'node:assert/strict';
import { csvField, fleetReportCsv } from '../../../src/commands/exportFleetReport/reportCsv';
import { fleetReportMarkdown } from '../../../src/commands/exportFleetReport/reportMarkdown';
import type { KeyHealth, KeyInUse, KeyUser, VaultInUse } from '../../../src/domain/fleet/keysInUse';
import type { FleetReport, ReportKey, ReportRegistry } from '../../../src/domain/fleet/report/fleetReport';
import { keyWarnings, registryWarnings, vaultWarnings } from '../../../src/domain/fleet/report/fleetWarnings';
import type { FleetVault } from '../../../src/domain/fleet/readFleet';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';

const day = 86_400_000;
const now = new Date('2027-01-15T12:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const version = (n: number) => String(n).repeat(32).slice(0, 32);
const found = (state: Partial<{ version: string; enabled: boolean; expiresOn: Date; createdOn: Date }>): KeyHealth => ({
    lookup: { kind: 'found', state: { version: version(9), enabled: true, keyType: 'RSA', ...state } },
});

function user(name: string, options: { pinned?: boolean; current?: string; identity?: KeyUser['encryption']['identity'] } = {}): KeyUser {
    const vaultUrl = 'https://kv-one.vault.azure.net';
    const current = options.current ?? version(9);
    const registry = {
        id: `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/${name}`,
        name,
        subscriptionId: 's1',
        resourceGroup: 'rg',
        location: 'eastus',
        sku: 'Premium',
        raw: {},
    } as unknown as RegistrySummary;
    const encryption = {
        status: 'enabled',
        keyIdentifier: `${vaultUrl}/keys/cmk${options.pinned ? `/${current}` : ''}`,
        currentVersion: current,
        key: { vaultUrl, vaultName: 'kv-one', keyName: 'cmk', version: options.pinned ? current : undefined },
        rotation: options.pinned ? 'manual' : 'automatic',
        identity: options.identity ?? { kind: 'system' },
    } as KeyUser['encryption'];
    return { registry: { ...registry, encryption }, encryption };
}

describe('fleet key report: warnings, CSV and Markdown', () => {
    it('key warnings follow the dates and the key state: expired, expiring within 30 days, disabled, deleted, unreadable', () => {
        assert.deepEqual(
            keyWarnings(found({ expiresOn: at(-day) }), now).map((w) => w.code),
            ['keyExpired'],
        );
        assert.deepEqual(keyWarnings(found({ expiresOn: at(29 * day + 1) }), now), [{ code: 'keyExpiresSoon', expiresOn: at(29 * day + 1), days: 29 }]);
        assert.deepEqual(keyWarnings(found({ expiresOn: at(31 * day) }), now), []);
        assert.deepEqual(keyWarnings(found({ expiresOn: at(5 * day) }), now, { expiryDays: 3, pinnedMaxAgeDays: 90 }), [], 'the limit is a parameter');
        assert.deepEqual(
            keyWarnings(found({ enabled: false }), now).map((w) => w.code),
            ['keyDisabled'],
        );
        assert.deepEqual(
            keyWarnings({ lookup: { kind: 'softDeleted' } }, now).map((w) => w.code),
            ['keyDeleted'],
        );
        assert.deepEqual(keyWarnings({ lookup: { kind: 'missing' }, unreadable: 'Forbidden' }, now), [{ code: 'keyUnreadable', reason: 'Forbidden' }]);
    });

    it('registry warnings: a versionless registry not on the latest version an hour after it was made, a pinned version older than 90 days, a removed identity', () => {
        const latestTwoHoursOld = found({ version: version(9), createdOn: at(-2 * 3_600_000) });
        assert.deepEqual(registryWarnings(user('a', { current: version(8) }), latestTwoHoursOld, undefined, now), [
            { code: 'versionNotPickedUp', current: version(8), latest: version(9), hours: 2 },
        ]);
        assert.deepEqual(
            registryWarnings(user('a', { current: version(8) }), found({ createdOn: at(-30 * 60_000) }), undefined, now),
            [],
            'within the hour: normal',
        );
        assert.deepEqual(registryWarnings(user('a'), latestTwoHoursOld, undefined, now), [], 'already on the latest');
        assert.deepEqual(registryWarnings(user('p', { pinned: true, current: version(1) }), found({}), at(-91 * day), now), [
            { code: 'pinnedVersionOld', version: version(1), days: 91 },
        ]);
        assert.deepEqual(registryWarnings(user('p', { pinned: true, current: version(1) }), found({}), at(-89 * day), now), []);
        assert.deepEqual(registryWarnings(user('u', { identity: { kind: 'unassigned', clientId: 'c-1' } }), found({}), undefined, now), [
            { code: 'identityRemoved', clientId: 'c-1' },
        ]);
        const vault = { name: 'kv-one', enablePurgeProtection: false } as FleetVault;
        assert.deepEqual(vaultWarnings(vault), [{ code: 'noPurgeProtection', vault: 'kv-one' }]);
        assert.deepEqual(vaultWarnings({ ...vault, enablePurgeProtection: true }), []);
        assert.deepEqual(vaultWarnings(undefined), [], 'a vault outside the selected subscriptions is not judged');
    });

    const report = (): FleetReport => {
        const users = [user('alpha'), user('beta,=cmd', { pinned: true, current: version(1) })];
        const key: KeyInUse = { keyName: 'cmk', vaultName: 'kv-one', vaultUrl: 'https://kv-one.vault.azure.net', users } as KeyInUse;
        const vault: VaultInUse = {
            vaultName: 'kv-one',
            vaultUrl: key.vaultUrl,
            keys: [key],
            vault: {
                id: '/subscriptions/s1/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv-one',
                name: 'kv-one',
                subscriptionId: 's1',
                resourceGroup: 'sec',
                vaultUri: 'https://kv-one.vault.azure.net/',
                enableRbacAuthorization: true,
                enablePurgeProtection: false,
            },
        };
        const health = found({ expiresOn: at(10 * day), createdOn: at(-100 * day) });
        const reportKey: ReportKey = { vault, key, health, warnings: keyWarnings(health, now) };
        const registries: ReportRegistry[] = users.map((u) => ({ key: reportKey, user: u, warnings: [] }));
        return {
            generatedAt: now,
            source: 'resourceGraph',
            keys: [reportKey],
            registries,
            vaults: [{ entry: vault, warnings: vaultWarnings(vault.vault) }],
            serviceManaged: 3,
        };
    };

    it('CSV: one row per registry after a stable header; commas and quotes quoted, formulas defused', () => {
        assert.equal(csvField('a,b'), '"a,b"');
        assert.equal(csvField('say "hi"'), '"say ""hi"""');
        assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
        const lines = fleetReportCsv(report(), () => 'Sub One')
            .trimEnd()
            .split('\r\n');
        assert.equal(lines.length, 3);
        assert.match(
            lines[0]!,
            /^registry,subscriptionId,subscription,resourceGroup,location,keyVault,key,keyIdentifier,versioning,versionInUse,latestVersion,keyState,keyExpires,identity,warnings$/,
        );
        assert.match(
            lines[1]!,
            /^alpha,s1,Sub One,rg,eastus,kv-one,cmk,https:\/\/kv-one\.vault\.azure\.net\/keys\/cmk,versionless,9{32},9{32},enabled,2027-01-25,system-assigned identity,The key expires in 10 days \(2027-01-25\)\.$/,
        );
        assert.match(lines[2]!, /^"beta,=cmd",s1,Sub One,.*,pinned,1{32},/);
    });

    it('Markdown: counts, every warning, a self-contained SVG timeline with each key, and tables whose cells cannot break a column', () => {
        const markdown = fleetReportMarkdown(report(), () => 'Sub | One');
        assert.match(markdown, /2 registries with a customer-managed key, 1 keys in 1 key vaults; 3 registries with a Microsoft-managed key/);
        assert.match(markdown, /## Warnings \(2\)/);
        assert.match(markdown, /- \*\*kv-one\/cmk\*\*: The key expires in 10 days/);
        assert.match(markdown, /- \*\*kv-one\*\*: Key vault "kv-one" has no purge protection/);
        const image = /!\[[^\]]+\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(markdown);
        assert.ok(image, 'the timeline is an image inside the document');
        const svg = Buffer.from(image[1]!, 'base64').toString('utf8');
        assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assert.match(svg, />kv-one\/cmk \(2\)</);
        assert.match(svg, />2027-01-25</, 'the bar ends at the expiry date');
        assert.doesNotMatch(svg, /<script|href=|url\(/i, 'nothing to run or fetch');
        assert.match(markdown, /\| alpha \| Sub \\\| One \| rg \|/);
    });
});
