import * as assert from 'node:assert/strict';
import type { CloudConfig } from '../../../src/domain/cloud/CloudConfig';
import { buildCustomCloud } from '../../../src/domain/cloud/customCloud';
import { azureChinaCloud, azureCloud, azureUSGovernment } from '../../../src/domain/cloud/knownClouds';
import { DomainError } from '../../../src/domain/errors';
import { formatKeyIdentifier, isSameKey, isVersionless, parseKeyIdentifier } from '../../../src/domain/keys/keyIdentifier';

const version = '0123456789abcdef0123456789abcdef';

function assertCode(text: string, cloud: CloudConfig, code: string, params?: Record<string, string>) {
    assert.throws(
        () => parseKeyIdentifier(text, cloud),
        (error: unknown) => {
            assert.ok(error instanceof DomainError, String(error));
            assert.equal(error.code, code, `code for ${text}`);
            if (params) {
                assert.deepEqual({ ...error.params }, params);
            }
            return true;
        },
    );
}

describe('key identifiers', () => {
    it('parses a versioned identifier (public cloud)', () => {
        const key = parseKeyIdentifier(`https://ContosoVault.vault.azure.net/keys/acr-key/${version}`, azureCloud);
        assert.deepEqual({ ...key }, { vaultUrl: 'https://contosovault.vault.azure.net', vaultName: 'contosovault', keyName: 'acr-key', version });
        assert.equal(isVersionless(key), false);
    });

    it('parses a versionless identifier (automatic rotation), with or without trailing slash', () => {
        for (const text of ['https://kv-cn1.vault.azure.cn/keys/k1', 'https://kv-cn1.vault.azure.cn/keys/k1/']) {
            const key = parseKeyIdentifier(text, azureChinaCloud);
            assert.equal(key.version, undefined);
            assert.equal(isVersionless(key), true);
            assert.equal(key.vaultName, 'kv-cn1');
        }
    });

    it('keeps the port of a custom cloud vault host', () => {
        const cloud = buildCustomCloud({
            resourceManagerEndpoint: 'https://localhost:9443/',
            authorityHost: 'https://localhost:9443',
            keyVaultDnsSuffix: '.vault.localhost:9443',
        });
        const key = parseKeyIdentifier(`https://myvault.vault.localhost:9443/keys/k/${version}`, cloud);
        assert.equal(key.vaultUrl, 'https://myvault.vault.localhost:9443');
        assert.equal(formatKeyIdentifier(key), `https://myvault.vault.localhost:9443/keys/k/${version}`);
        assertCode(`https://myvault.vault.localhost:9444/keys/k`, cloud, 'KeyIdNotVaultHost');
    });

    it('formats versioned and versionless forms', () => {
        const key = parseKeyIdentifier(`https://v1x.vault.usgovcloudapi.net/keys/k/${version}`, azureUSGovernment);
        assert.equal(formatKeyIdentifier(key), `https://v1x.vault.usgovcloudapi.net/keys/k/${version}`);
        assert.equal(formatKeyIdentifier(key, { versionless: true }), 'https://v1x.vault.usgovcloudapi.net/keys/k');
        assert.ok(isSameKey(key, parseKeyIdentifier('https://V1X.vault.usgovcloudapi.net/keys/K', azureUSGovernment)));
    });

    it('refuses http', () => assertCode('http://v1x.vault.azure.net/keys/k', azureCloud, 'KeyIdNotHttps'));
    it('refuses an empty value', () => assertCode('  ', azureCloud, 'KeyIdEmpty'));
    it('refuses something that is not a URL', () => assertCode('vault/keys/k', azureCloud, 'KeyIdNotUrl'));
    it('refuses a missing key name', () => assertCode('https://v1x.vault.azure.net/keys/', azureCloud, 'KeyIdMissingKeyName'));
    it('refuses a path that is not /keys/…', () => assertCode('https://v1x.vault.azure.net/secrets/s', azureCloud, 'KeyIdNotKeyPath'));
    it('refuses extra segments', () => assertCode(`https://v1x.vault.azure.net/keys/k/${version}/x`, azureCloud, 'KeyIdNotKeyPath'));
    it('refuses a malformed version', () =>
        assertCode('https://v1x.vault.azure.net/keys/k/v2', azureCloud, 'KeyIdInvalidVersion', {
            keyId: 'https://v1x.vault.azure.net/keys/k/v2',
            version: 'v2',
        }));
    it('refuses an invalid key name', () => assertCode('https://v1x.vault.azure.net/keys/k_1', azureCloud, 'KeyIdInvalidKeyName'));
    it('refuses an invalid vault name', () => assertCode('https://1v.vault.azure.net/keys/k', azureCloud, 'KeyIdInvalidVaultName'));
    it('refuses a query string', () => assertCode('https://v1x.vault.azure.net/keys/k?api-version=1', azureCloud, 'KeyIdHasQueryOrFragment'));

    it('refuses a vault of another cloud, naming that cloud', () => {
        assertCode('https://v1x.vault.azure.net/keys/k', azureChinaCloud, 'KeyIdOtherCloud', {
            keyId: 'https://v1x.vault.azure.net/keys/k',
            host: 'v1x.vault.azure.net',
            cloud: 'AzureCloud',
            expectedSuffix: 'vault.azure.cn',
        });
        assertCode('https://v1x.vault.azure.cn/keys/k', azureUSGovernment, 'KeyIdOtherCloud');
        assertCode('https://v1x.vault.usgovcloudapi.net/keys/k', azureCloud, 'KeyIdOtherCloud');
    });

    it('refuses a host that is no vault at all', () => assertCode('https://example.com/keys/k', azureCloud, 'KeyIdNotVaultHost'));
});
