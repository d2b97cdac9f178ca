// Signs in to the emulator through the custom-cloud settings (service principal from the environment) and
// compares the tree the extension shows with the emulator's ground truth.
import * as assert from 'node:assert';
import { getEmulatorJson } from '../emulatorState';
import { registriesOf, subscriptionsOf, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { activateExtension, type TreeRow } from './extensionApi';

describe('registry tree against the emulator', () => {
    let world: EmulatorWorld;
    let tree: TreeRow[];

    before(async () => {
        world = await getEmulatorJson<EmulatorWorld>('state');
        tree = await (await activateExtension()).getTreeSnapshot();
    });

    const rowFor = (registry: WorldRegistry): TreeRow | undefined => {
        const subscription = world.subscriptions[registry.subscriptionId.toLowerCase()];
        return tree.find((row) => row.label === subscription?.displayName)?.children?.find((row) => row.label === registry.name);
    };

    it('signs in and lists exactly the seeded subscriptions', () => {
        assert.deepStrictEqual(
            tree.map((row) => row.label).sort(),
            subscriptionsOf(world)
                .map((s) => s.displayName)
                .sort(),
            `tree roots: ${JSON.stringify(tree.map((row) => `${row.label} ${row.description ?? ''}`))}`,
        );
    });

    it('lists every seeded registry under its subscription', () => {
        for (const subscription of subscriptionsOf(world)) {
            const expected = registriesOf(world)
                .filter((r) => r.subscriptionId.toLowerCase() === subscription.subscriptionId.toLowerCase())
                .map((r) => r.name)
                .sort();
            const shown = (tree.find((row) => row.label === subscription.displayName)?.children ?? [])
                .filter((row) => row.contextValue?.startsWith('registry;'))
                .map((row) => row.label)
                .sort();
            assert.deepStrictEqual(shown, expected, `registries of ${subscription.displayName}`);
        }
    });

    it("shows each registry's encryption state in its context value, icon and description", () => {
        const registries = registriesOf(world);
        assert.ok(
            registries.some((r) => r.encryption.status === 'enabled') && registries.some((r) => r.encryption.status !== 'enabled'),
            'the sample world mixes CMK and non-CMK registries',
        );
        for (const registry of registries) {
            const row = rowFor(registry);
            assert.ok(row, `row for ${registry.name}`);
            if (registry.encryption.status === 'enabled') {
                assert.match(row.contextValue ?? '', /^registry;encryption:cmk;/, registry.name);
                assert.match(row.description ?? '', /customer-managed key/, registry.name);
                assert.ok(['lock', 'warning'].includes(row.icon?.id ?? ''), `${registry.name} icon ${row.icon?.id}`);
            } else {
                assert.strictEqual(row.contextValue, 'registry;encryption:none', registry.name);
                assert.match(row.description ?? '', /service-managed key/, registry.name);
                assert.strictEqual(row.icon?.id, 'unlock', registry.name);
                // No encryption details: a service-managed registry expands into its repositories only (the sample's images).
                const [repositories, ...others] = row.children ?? [];
                assert.deepStrictEqual(
                    [repositories?.contextValue, others.length],
                    ['registryRepositories;data:listed', 0],
                    `${registry.name} expands into its repositories only`,
                );
                if (registry.name.startsWith('contoso')) {
                    assert.deepStrictEqual(
                        repositories?.children?.map((r) => r.label),
                        ['hello-world', 'tools/checksum'],
                        `${registry.name} repositories`,
                    );
                }
            }
            assert.ok(row.description?.startsWith(registry.sku), `${registry.name} description starts with its SKU ${registry.sku}`);
        }
    });

    it('expands a CMK registry into its vault, key and version', () => {
        for (const registry of registriesOf(world).filter((r) => r.encryption.status === 'enabled')) {
            const keyId = new URL(registry.encryption.keyVaultProperties?.keyIdentifier ?? '');
            const [, , keyName, version] = keyId.pathname.split('/');
            const details = rowFor(registry)?.children ?? [];
            const detail = (kind: string) => details.find((row) => row.contextValue === `encryptionDetail;kind:${kind}`)?.description;
            assert.strictEqual(detail('vault'), keyId.hostname.split('.')[0], `${registry.name} vault`);
            assert.strictEqual(detail('key'), keyName, `${registry.name} key`);
            if (version) assert.strictEqual(detail('version'), version, `${registry.name} pinned version`);
            else assert.match(detail('version') ?? '', /automatic rotation/, `${registry.name} versionless key`);
        }
    });
});
