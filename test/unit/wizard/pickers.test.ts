import '../badInput/vscodeStandIn';
import * as assert from 'node:assert/strict';
import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { DomainError } from '../../../src/domain/errors';
import { KeyPickStep, type KeyPick, type KeyPicker } from '../../../src/commands/wizard/pickers/KeyPickStep';
import { VaultPickStep, type VaultPicker } from '../../../src/commands/wizard/pickers/VaultPickStep';

// The shared key and vault pickers with each flow's parameters: what is listed, in which order and words, and which
// picks are taken. Azure answers through a fake factory (the SDK clients' list and get calls the domain makes).

interface Item {
    label: string;
    description?: string;
    data: unknown;
}
interface Shown {
    placeHolder: string;
    items: Item[];
}

/** Picks the labels in `picks` one after another; answers each warning with its first button. */
function scriptedContext(picks: string[]) {
    const shown: Shown[] = [];
    const warnings: string[] = [];
    const ui = {
        showQuickPick: async (items: Item[] | Promise<Item[]>, options: { placeHolder: string }) => {
            const resolved = await items;
            shown.push({ placeHolder: options.placeHolder, items: resolved });
            const label = picks.shift();
            const item = resolved.find((candidate) => candidate.label === label);
            assert.ok(item, `"${label}" is offered`);
            return item;
        },
        showWarningMessage: (message: string, _options: unknown, ...buttons: unknown[]) => {
            warnings.push(message);
            return Promise.resolve(buttons[0]);
        },
    };
    return { context: { ui } as unknown as IActionContext, shown, warnings };
}

type FakeKey = { name: string; enabled?: boolean; keyType?: string };

function keyFactory(keys: FakeKey[], reads: string[]): AzureClientFactory {
    const client = {
        listPropertiesOfKeys: async function* () {
            yield* keys.map((key) => ({ name: key.name, enabled: key.enabled }));
        },
        getKey: (name: string) => {
            reads.push(name);
            const key = keys.find((candidate) => candidate.name === name)!;
            return key.enabled === false
                ? Promise.reject(new Error('Operation get is not allowed on a disabled key.'))
                : Promise.resolve({ keyType: key.keyType });
        },
    };
    return { keys: () => Promise.resolve(client) } as unknown as AzureClientFactory;
}

function keyPicker(factory: AzureClientFactory, options: { vaultUrl?: string; offerNew: boolean; current?: string }) {
    const answers: (KeyPick | undefined)[] = [];
    const picker: KeyPicker<IActionContext> = {
        where: () => ({ factory, vaultUrl: options.vaultUrl }),
        offerNew: options.offerNew,
        current: () => options.current,
        answered: () => answers.length > 0,
        answer: (_context, key) => answers.push(key),
    };
    return { picker, answers };
}

describe('shared pickers', () => {
    describe('key', () => {
        const keys: FakeKey[] = [
            { name: 'alpha', keyType: 'RSA' },
            { name: 'ec', keyType: 'EC' },
            { name: 'off', enabled: false },
            { name: 'zeta', keyType: 'RSA-HSM' },
        ];

        it('rotation: the key in use first, keys the registry cannot use listed with the reason and explained when picked', async () => {
            const reads: string[] = [];
            const { picker, answers } = keyPicker(keyFactory(keys, reads), { vaultUrl: 'https://v.vault.azure.net', offerNew: false, current: 'ZETA' });
            const { context, shown, warnings } = scriptedContext(['ec', 'off', 'alpha']);
            await new KeyPickStep(picker).prompt(context);
            assert.deepEqual(answers, [{ kind: 'existing', name: 'alpha' }]);
            assert.deepEqual(
                shown.map((prompt) => prompt.placeHolder),
                ['Select the encryption key', 'Select the encryption key', 'Select the encryption key'],
            );
            assert.deepEqual(
                shown[0]!.items.map((item) => [item.label, item.description]),
                [
                    ['zeta', '$(check) in use by this registry · RSA-HSM'],
                    ['alpha', 'RSA'],
                    ['ec', '$(circle-slash) EC: not usable, Azure Container Registry supports only RSA keys'],
                    ['off', '$(circle-slash) disabled: not usable'],
                ],
            );
            assert.deepEqual(warnings, [
                'Key "ec" is of type EC. Azure Container Registry supports only RSA and RSA-HSM keys.',
                'Key "off" is disabled. Azure Container Registry cannot encrypt with a disabled key.',
            ]);
            assert.deepEqual(reads.sort(), ['alpha', 'ec', 'zeta'], 'a disabled key is not read');
        });

        it('rotation: a vault without keys is an error', async () => {
            const { picker } = keyPicker(keyFactory([], []), { vaultUrl: 'https://v.vault.azure.net', offerNew: false });
            const { context } = scriptedContext([]);
            await assert.rejects(new KeyPickStep(picker).prompt(context), (error) => error instanceof DomainError && error.code === 'VaultHasNoKeys');
        });

        it('create: "Create new RSA key" first, then the keys by name (enabled first); for a new vault it is all there is, and nothing is read', async () => {
            const reads: string[] = [];
            const existing = keyPicker(keyFactory(keys, reads), { vaultUrl: 'https://v.vault.azure.net', offerNew: true });
            const first = scriptedContext(['$(plus) Create new RSA key']);
            await new KeyPickStep(existing.picker).prompt(first.context);
            assert.deepEqual(
                first.shown[0]!.items.map((item) => item.label),
                ['$(plus) Create new RSA key', 'alpha', 'ec', 'zeta', 'off'],
            );
            assert.deepEqual(existing.answers, [{ kind: 'new' }]);

            const fresh = keyPicker({ keys: () => assert.fail('a new vault is not read') } as unknown as AzureClientFactory, { offerNew: true });
            const second = scriptedContext(['$(plus) Create new RSA key']);
            await new KeyPickStep(fresh.picker).prompt(second.context);
            assert.deepEqual(
                second.shown[0]!.items.map((item) => item.label),
                ['$(plus) Create new RSA key'],
            );
            assert.deepEqual(fresh.answers, [{ kind: 'new' }]);
        });
    });

    describe('key vault', () => {
        const vault = (name: string, properties: Record<string, unknown>) => ({
            id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/${name}`,
            name,
            properties: { tenantId: 't', vaultUri: `https://${name}.vault.azure.net/`, sku: { name: 'standard' }, enablePurgeProtection: true, ...properties },
        });
        const vaults = [
            vault('open', { enableRbacAuthorization: true }),
            vault('trusted', { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' } }),
            vault('walled', { networkAcls: { defaultAction: 'Deny', bypass: 'None' }, enablePurgeProtection: false }),
        ];
        const factoryOf = (listed: unknown[]) =>
            ({
                keyVaultManagement: () =>
                    Promise.resolve({
                        vaults: {
                            listBySubscription: async function* () {
                                yield* listed;
                            },
                        },
                    }),
            }) as unknown as AzureClientFactory;

        function vaultPicker(listed: unknown[], offerNew: boolean, firewall: 'refused' | 'trustedServices', accepted: string[]) {
            const picker: VaultPicker<IActionContext> = {
                where: () => Promise.resolve({ factory: factoryOf(listed), subscriptionId: 's', subscriptionName: 'Sub' }),
                offerNew,
                firewall,
                answered: () => accepted.length > 0,
                // Like Create: a firewalled vault is refused (the flow explains why), and the list comes back.
                accept: (_context, picked) =>
                    Promise.resolve(
                        picked !== 'new' && picked.networkAcls?.defaultAction === 'Deny' && firewall === 'refused'
                            ? false
                            : (accepted.push(picked === 'new' ? 'new' : picked.name), true),
                    ),
                clear: () => undefined,
            };
            return picker;
        }

        it('rotation: one wording; a firewall is described by whether trusted services pass it', async () => {
            const accepted: string[] = [];
            const { context, shown } = scriptedContext(['trusted']);
            await new VaultPickStep(vaultPicker(vaults, false, 'trustedServices', accepted)).prompt(context);
            assert.deepEqual(accepted, ['trusted']);
            assert.equal(shown[0]!.placeHolder, 'Select the key vault for the encryption key');
            assert.deepEqual(
                shown[0]!.items.map((item) => [item.label, item.description]),
                [
                    ['open', 'Azure RBAC'],
                    ['trusted', 'access policies · firewall, trusted services allowed'],
                    ['walled', 'access policies · firewall, trusted services blocked · $(warning) no purge protection'],
                ],
            );
        });

        it('create: "Create new key vault" first, a firewalled vault is not usable, and a refused pick shows the list again', async () => {
            const accepted: string[] = [];
            const { context, shown } = scriptedContext(['walled', 'open']);
            await new VaultPickStep(vaultPicker(vaults, true, 'refused', accepted)).prompt(context);
            assert.deepEqual(accepted, ['open']);
            assert.equal(shown.length, 2);
            assert.deepEqual(
                shown[0]!.items.map((item) => [item.label, item.description]),
                [
                    ['$(plus) Create new key vault (soft delete and purge protection on)', undefined],
                    ['open', 'Azure RBAC'],
                    ['trusted', 'access policies · $(warning) firewall: not usable for a new registry'],
                    ['walled', 'access policies · $(warning) firewall: not usable for a new registry · $(warning) no purge protection'],
                ],
            );
        });

        it('rotation: a subscription without vaults is an error; create offers a new vault instead', async () => {
            await assert.rejects(
                new VaultPickStep(vaultPicker([], false, 'trustedServices', [])).prompt(scriptedContext([]).context),
                (error) => error instanceof DomainError && error.code === 'SubscriptionHasNoVaults',
            );
            const accepted: string[] = [];
            await new VaultPickStep(vaultPicker([], true, 'refused', accepted)).prompt(
                scriptedContext(['$(plus) Create new key vault (soft delete and purge protection on)']).context,
            );
            assert.deepEqual(accepted, ['new']);
        });
    });
});
