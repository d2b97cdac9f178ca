import * as assert from 'node:assert/strict';
import { keysInUse } from '../../../src/domain/fleet/keysInUse';
import type { FleetVault } from '../../../src/domain/fleet/readFleet';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';

const version = (n: number) => String(n).repeat(32).slice(0, 32);
function registry(name: string, subscriptionId: string, key?: { vault: string; key: string; version?: string; pinned?: boolean }): RegistrySummary {
    const id = `/subscriptions/${subscriptionId}/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/${name}`;
    const base = { id, name, subscriptionId, resourceGroup: 'rg', location: 'eastus', sku: 'Premium', raw: {} as RegistrySummary['raw'] };
    if (!key) {
        return { ...base, encryption: { status: 'disabled' } };
    }
    const vaultUrl = `https://${key.vault}.vault.azure.net`;
    const keyIdentifier = `${vaultUrl}/keys/${key.key}${key.pinned ? `/${key.version}` : ''}`;
    return {
        ...base,
        encryption: {
            status: 'enabled',
            keyIdentifier,
            versionedKeyIdentifier: `${vaultUrl}/keys/${key.key}/${key.version}`,
            key: { vaultUrl, vaultName: key.vault, keyName: key.key, version: key.pinned ? key.version : undefined },
            currentVersion: key.version,
            rotation: key.pinned ? 'manual' : 'automatic',
            identity: { kind: 'system' },
        },
    };
}

describe('fleet: which registries hang on which key', () => {
    it('groups every CMK registry of every subscription under its vault and key (key names case-insensitively), others left out', () => {
        const vaults: FleetVault[] = [
            {
                id: '/subscriptions/s1/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/kv-one',
                name: 'kv-one',
                subscriptionId: 's1',
                resourceGroup: 'sec',
                vaultUri: 'https://kv-one.vault.azure.net/',
                enableRbacAuthorization: true,
                enablePurgeProtection: true,
            },
        ];
        const vaultsInUse = keysInUse({
            vaults,
            registries: [
                registry('zeta', 's2', { vault: 'kv-one', key: 'cmk', version: version(1), pinned: true }),
                registry('alpha', 's1', { vault: 'kv-one', key: 'CMK', version: version(2) }),
                registry('beta', 's1', { vault: 'kv-one', key: 'other', version: version(3) }),
                registry('gamma', 's3', { vault: 'kv-elsewhere', key: 'cmk', version: version(4) }),
                registry('plain', 's1'),
            ],
        });
        assert.deepEqual(
            vaultsInUse.map((v) => [v.vaultName, v.vault?.name, v.keys.map((k) => [k.keyName, k.users.map((u) => u.registry.name)])]),
            [
                ['kv-elsewhere', undefined, [['cmk', ['gamma']]]],
                [
                    'kv-one',
                    'kv-one',
                    [
                        ['cmk', ['alpha', 'zeta']],
                        ['other', ['beta']],
                    ],
                ],
            ],
        );
        const zeta = vaultsInUse[1]!.keys[0]!.users.find((u) => u.registry.name === 'zeta')!;
        assert.equal(zeta.encryption.rotation, 'manual');
        assert.equal(zeta.encryption.currentVersion, version(1));
    });
});
