import * as assert from 'node:assert/strict';
import { armScope, keyVaultScope } from '../../../src/domain/cloud/CloudConfig';
import { azureChinaCloud, azureCloud, azureUSGovernment, cloudNameFromSovereignSetting, findKnownCloud } from '../../../src/domain/cloud/knownClouds';

describe('cloud endpoint sets (documented values)', () => {
    it('public Azure', () => {
        assert.deepEqual(
            { ...azureCloud },
            {
                name: 'AzureCloud',
                resourceManagerEndpoint: 'https://management.azure.com/',
                resourceManagerAudience: 'https://management.core.windows.net/',
                authorityHost: 'https://login.microsoftonline.com',
                keyVaultDnsSuffix: 'vault.azure.net',
                acrLoginServerSuffix: 'azurecr.io',
                portalUrl: 'https://portal.azure.com',
            },
        );
        assert.equal(armScope(azureCloud), 'https://management.core.windows.net/.default');
        assert.equal(keyVaultScope(azureCloud), 'https://vault.azure.net/.default');
    });

    it('Azure China (21Vianet)', () => {
        assert.deepEqual(
            { ...azureChinaCloud },
            {
                name: 'AzureChinaCloud',
                resourceManagerEndpoint: 'https://management.chinacloudapi.cn/',
                resourceManagerAudience: 'https://management.core.chinacloudapi.cn/',
                authorityHost: 'https://login.chinacloudapi.cn',
                keyVaultDnsSuffix: 'vault.azure.cn',
                acrLoginServerSuffix: 'azurecr.cn',
                portalUrl: 'https://portal.azure.cn',
            },
        );
        assert.equal(keyVaultScope(azureChinaCloud), 'https://vault.azure.cn/.default');
    });

    it('Azure US Government', () => {
        assert.deepEqual(
            { ...azureUSGovernment },
            {
                name: 'AzureUSGovernment',
                resourceManagerEndpoint: 'https://management.usgovcloudapi.net/',
                resourceManagerAudience: 'https://management.core.usgovcloudapi.net/',
                authorityHost: 'https://login.microsoftonline.us',
                keyVaultDnsSuffix: 'vault.usgovcloudapi.net',
                acrLoginServerSuffix: 'azurecr.us',
                portalUrl: 'https://portal.azure.us',
            },
        );
        assert.equal(keyVaultScope(azureUSGovernment), 'https://vault.usgovcloudapi.net/.default');
    });

    it("maps VS Code's microsoft-sovereign-cloud.environment values", () => {
        assert.equal(cloudNameFromSovereignSetting(undefined), 'AzureCloud');
        assert.equal(cloudNameFromSovereignSetting('ChinaCloud'), 'AzureChinaCloud');
        assert.equal(cloudNameFromSovereignSetting('USGovernment'), 'AzureUSGovernment');
        assert.equal(cloudNameFromSovereignSetting('custom'), 'custom');
        assert.equal(findKnownCloud('azurechinacloud'), azureChinaCloud);
        assert.equal(findKnownCloud('Mars'), undefined);
    });
});
