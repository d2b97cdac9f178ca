import * as assert from 'node:assert/strict';
import { KqlError, runKql } from '../../emulator/graph/kql';

// The emulator's Resource Graph evaluates the KQL forms the extension sends (and refuses the rest, as InvalidQuery).
describe('emulator Resource Graph: the KQL subset', () => {
    const Resources = [
        {
            id: '/s/1/r/a',
            name: 'reg-a',
            type: 'microsoft.containerregistry/registries',
            location: 'eastus',
            sku: { name: 'Premium' },
            properties: { encryption: { status: 'enabled' }, loginServer: 'reg-a.io' },
        },
        {
            id: '/s/1/v/k',
            name: 'kv-1',
            type: 'microsoft.keyvault/vaults',
            location: 'westeurope',
            sku: null,
            properties: { vaultUri: 'https://kv-1/', enablePurgeProtection: true },
        },
        {
            id: '/s/2/r/b',
            name: 'reg-b',
            type: 'microsoft.containerregistry/registries',
            location: 'eastus',
            sku: { name: 'Basic' },
            properties: { encryption: { status: 'disabled' } },
        },
    ];

    it('where =~ (case-insensitive) with project, renamed columns and nested properties', () => {
        const rows = runKql(
            "Resources | where type =~ 'Microsoft.ContainerRegistry/registries' | project id, name, sku, encryption = properties.encryption, loginServer = properties.loginServer",
            { Resources },
        );
        assert.deepEqual(rows, [
            { id: '/s/1/r/a', name: 'reg-a', sku: { name: 'Premium' }, encryption: { status: 'enabled' }, loginServer: 'reg-a.io' },
            { id: '/s/2/r/b', name: 'reg-b', sku: { name: 'Basic' }, encryption: { status: 'disabled' }, loginServer: null },
        ]);
    });

    it('in~, and / or, functions, extend, order by, limit, summarize count() by', () => {
        assert.deepEqual(
            runKql("Resources | where type in~ ('MICROSOFT.KEYVAULT/VAULTS') and properties.enablePurgeProtection == true | project id", { Resources }),
            [{ id: '/s/1/v/k' }],
        );
        assert.deepEqual(
            runKql("Resources | where tostring(properties.encryption.status) == 'enabled' or name == 'kv-1' | project name", { Resources }).map((r) => r.name),
            ['reg-a', 'kv-1'],
        );
        assert.deepEqual(
            runKql('Resources | extend skuName = tolower(tostring(sku.name)) | where isnotempty(skuName) | order by name asc | project name, skuName', {
                Resources,
            }),
            [
                { name: 'reg-a', skuName: 'premium' },
                { name: 'reg-b', skuName: 'basic' },
            ],
        );
        assert.deepEqual(runKql('Resources | order by name desc | limit 1 | project name', { Resources }), [{ name: 'reg-b' }]);
        assert.deepEqual(runKql('Resources | summarize count() by location', { Resources }), [
            { location: 'eastus', count_: 2 },
            { location: 'westeurope', count_: 1 },
        ]);
    });

    it('refuses what it does not know, naming the token (an unknown table, operator, column or function)', () => {
        for (const query of [
            'Secrets | project id',
            'Resources | join (Resources) on id',
            'Resources | project nosuchcolumn',
            'Resources | where frobnicate(name)',
            "Resources | where name == 'x",
        ]) {
            assert.throws(() => runKql(query, { Resources }), KqlError, query);
        }
    });
});
