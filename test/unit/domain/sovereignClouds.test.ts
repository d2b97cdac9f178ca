// What each cloud's endpoint set turns into where it is used: token scopes, portal links, which vault hosts
// a key identifier may name. knownClouds.test.ts pins the sets themselves; this file pins their consequences,
// for the three Azure clouds and for a custom cloud (the emulator's shape) whose names all differ from Azure's.
import * as assert from 'node:assert/strict';
import { armScope, keyVaultScope, type CloudConfig } from '../../../src/domain/cloud/CloudConfig';
import { buildCustomCloud } from '../../../src/domain/cloud/customCloud';
import {
    azureChinaCloud,
    azureCloud,
    azureUSGovernment,
    cloudNameFromSovereignSetting,
    findKnownCloud,
    knownClouds,
    vscodeAccountCloudMismatch,
} from '../../../src/domain/cloud/knownClouds';
import { DomainError } from '../../../src/domain/errors';
import { parseKeyIdentifier } from '../../../src/domain/keys/keyIdentifier';
import { portalResourceUrl } from '../../../src/domain/registries/portalUrl';

const registryId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/reg1';
const tenantId = '11111111-2222-3333-4444-555555555555';

/** The emulator's shape: https://localhost:<port>, management.localhost audience, vault.localhost:<port>, azurecr.localhost. */
const emulatorLike = buildCustomCloud({
    resourceManagerEndpoint: 'https://localhost:9443/',
    resourceManagerAudience: 'https://management.localhost/',
    authorityHost: 'https://localhost:9443',
    keyVaultDnsSuffix: '.vault.localhost:9443',
    acrLoginServerSuffix: '.azurecr.localhost',
    portalUrl: 'https://portal.localhost:9443',
    tenantId,
});

function refusal(keyId: string, cloud: CloudConfig): DomainError {
    try {
        parseKeyIdentifier(keyId, cloud);
    } catch (error) {
        assert.ok(error instanceof DomainError, String(error));
        return error;
    }
    assert.fail(`${keyId} was accepted in ${cloud.name}`);
}

describe('sovereign and custom clouds: where the endpoint sets are used', () => {
    const expectations: [CloudConfig, { arm: string; vault: string; portal: string; vaultHost: string }][] = [
        [
            azureCloud,
            {
                arm: 'https://management.core.windows.net/.default',
                vault: 'https://vault.azure.net/.default',
                portal: 'https://portal.azure.com',
                vaultHost: 'kv1.vault.azure.net',
            },
        ],
        [
            azureChinaCloud,
            {
                arm: 'https://management.core.chinacloudapi.cn/.default',
                vault: 'https://vault.azure.cn/.default',
                portal: 'https://portal.azure.cn',
                vaultHost: 'kv1.vault.azure.cn',
            },
        ],
        [
            azureUSGovernment,
            {
                arm: 'https://management.core.usgovcloudapi.net/.default',
                vault: 'https://vault.usgovcloudapi.net/.default',
                portal: 'https://portal.azure.us',
                vaultHost: 'kv1.vault.usgovcloudapi.net',
            },
        ],
        [
            emulatorLike,
            {
                arm: 'https://management.localhost/.default',
                vault: 'https://vault.localhost:9443/.default',
                portal: 'https://portal.localhost:9443',
                vaultHost: 'kv1.vault.localhost:9443',
            },
        ],
    ];

    for (const [cloud, expected] of expectations) {
        describe(cloud.name, () => {
            it("asks for Resource Manager and Key Vault tokens with the cloud's own audiences", () => {
                assert.equal(armScope(cloud), expected.arm);
                assert.equal(keyVaultScope(cloud), expected.vault);
            });

            it("opens Open in Portal links in the cloud's own portal and directory", () => {
                assert.equal(portalResourceUrl(cloud, registryId, tenantId), `${expected.portal}/#@${tenantId}/resource${registryId}`);
                assert.equal(portalResourceUrl(cloud, registryId), `${expected.portal}/#resource${registryId}`);
            });

            it("accepts its own vaults' key identifiers", () => {
                const key = parseKeyIdentifier(`https://${expected.vaultHost}/keys/cmk`, cloud);
                assert.equal(key.vaultUrl, `https://${expected.vaultHost}`);
                assert.equal(key.vaultName, 'kv1');
            });

            it("refuses every other Azure cloud's vaults, naming the cloud they belong to", () => {
                for (const other of knownClouds.filter((known) => known.name !== cloud.name)) {
                    const keyId = `https://kv1.${other.keyVaultDnsSuffix}/keys/cmk`;
                    const error = refusal(keyId, cloud);
                    assert.equal(error.code, 'KeyIdOtherCloud', keyId);
                    assert.deepEqual(
                        { ...error.params },
                        { keyId, host: `kv1.${other.keyVaultDnsSuffix}`, cloud: other.name, expectedSuffix: cloud.keyVaultDnsSuffix },
                    );
                }
            });
        });
    }

    it('a custom cloud shares no host or suffix with public Azure (the emulator proves nothing is assumed)', () => {
        const publicNames = [
            azureCloud.resourceManagerEndpoint,
            azureCloud.resourceManagerAudience,
            azureCloud.authorityHost,
            azureCloud.keyVaultDnsSuffix,
            azureCloud.acrLoginServerSuffix,
            azureCloud.portalUrl,
        ].map((value) => new URL(value.includes('://') ? value : `https://${value}`).hostname);
        for (const value of [
            emulatorLike.resourceManagerEndpoint,
            emulatorLike.resourceManagerAudience,
            emulatorLike.authorityHost,
            emulatorLike.keyVaultDnsSuffix,
            emulatorLike.acrLoginServerSuffix,
            emulatorLike.portalUrl,
        ]) {
            const host = new URL(value.includes('://') ? value : `https://${value}`).hostname;
            assert.ok(!publicNames.some((name) => host === name || host.endsWith(`.${name}`)), `${value} is not a public-cloud name`);
        }
    });

    it('refuses a key identifier of a vault in another cloud even when it carries an explicit port', () => {
        assert.equal(refusal('https://kv1.vault.azure.cn:443/keys/cmk', emulatorLike).code, 'KeyIdOtherCloud');
        assert.equal(refusal('https://kv1.vault.usgovcloudapi.net:8443/keys/cmk', azureCloud).code, 'KeyIdOtherCloud');
    });

    it('does not mistake a look-alike host for a vault of a known cloud', () => {
        assert.equal(refusal('https://kv1.notvault.azure.cn/keys/cmk', azureCloud).code, 'KeyIdNotVaultHost');
        assert.equal(refusal('https://kv1.vault.azure.cn.example.com/keys/cmk', azureChinaCloud).code, 'KeyIdNotVaultHost');
    });

    it('maps every VS Code sovereign-cloud value, whatever its case, and names each cloud case-insensitively', () => {
        for (const [setting, cloud] of [
            ['ChinaCloud', 'AzureChinaCloud'],
            ['chinacloud', 'AzureChinaCloud'],
            ['USGovernment', 'AzureUSGovernment'],
            ['USGOVERNMENT', 'AzureUSGovernment'],
            ['custom', 'custom'],
            ['Custom', 'custom'],
            ['', 'AzureCloud'],
            ['AzureCloud', 'AzureCloud'],
        ] as const) {
            assert.equal(cloudNameFromSovereignSetting(setting), cloud, setting);
        }
        for (const known of knownClouds) {
            assert.equal(findKnownCloud(known.name.toUpperCase()), known);
        }
    });

    it('lets the VS Code account serve only the cloud its microsoft-sovereign-cloud.environment names', () => {
        assert.equal(vscodeAccountCloudMismatch('AzureCloud', undefined), undefined);
        assert.equal(vscodeAccountCloudMismatch('AzureChinaCloud', 'ChinaCloud'), undefined);
        assert.equal(vscodeAccountCloudMismatch('AzureUSGovernment', 'USGovernment'), undefined);
        assert.equal(vscodeAccountCloudMismatch('custom', 'custom'), undefined);
        const refusal = vscodeAccountCloudMismatch('AzureChinaCloud', '');
        assert.ok(refusal instanceof DomainError);
        assert.equal(refusal.code, 'CloudNotVSCodeAccountCloud');
        assert.deepEqual({ ...refusal.params }, { cloud: 'AzureChinaCloud', accountCloud: 'AzureCloud' });
        assert.equal(vscodeAccountCloudMismatch('AzureCloud', 'USGovernment')?.params.accountCloud, 'AzureUSGovernment');
    });
});
