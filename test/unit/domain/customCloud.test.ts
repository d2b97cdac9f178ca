import * as assert from 'node:assert/strict';
import { buildCustomCloud, assertPemCertificate } from '../../../src/domain/cloud/customCloud';
import { DomainError } from '../../../src/domain/errors';

const valid = {
    resourceManagerEndpoint: 'https://localhost:8443',
    resourceManagerAudience: 'https://management.localhost/',
    authorityHost: 'https://localhost:8443/',
    keyVaultDnsSuffix: '.vault.localhost:8443',
    acrLoginServerSuffix: '.azurecr.localhost',
    portalUrl: 'https://portal.localhost:8443/',
    tenantId: ' 72f988bf-0000-0000-0000-000000000000 ',
};

function assertCode(fn: () => unknown, code: string, params?: Record<string, string>) {
    assert.throws(fn, (error: unknown) => {
        assert.ok(error instanceof DomainError, `expected DomainError, got ${String(error)}`);
        assert.equal(error.code, code);
        if (params) {
            assert.deepEqual({ ...error.params }, params);
        }
        return true;
    });
}

describe('custom cloud settings', () => {
    it('normalises the emulator-style settings', () => {
        assert.deepEqual(
            { ...buildCustomCloud(valid) },
            {
                name: 'custom',
                resourceManagerEndpoint: 'https://localhost:8443/',
                resourceManagerAudience: 'https://management.localhost/',
                authorityHost: 'https://localhost:8443',
                tenantId: '72f988bf-0000-0000-0000-000000000000',
                keyVaultDnsSuffix: 'vault.localhost:8443',
                acrLoginServerSuffix: 'azurecr.localhost',
                portalUrl: 'https://portal.localhost:8443',
                caCertificate: undefined,
            },
        );
    });

    it('defaults the audience to the Resource Manager endpoint', () => {
        assert.equal(buildCustomCloud({ ...valid, resourceManagerAudience: '' }).resourceManagerAudience, 'https://localhost:8443/');
    });

    it('refuses a malformed or non-https URL with the setting name', () => {
        assertCode(() => buildCustomCloud({ ...valid, resourceManagerEndpoint: 'not a url' }), 'CloudSettingInvalidUrl', {
            setting: 'acrCmk.customCloud.resourceManagerEndpoint',
            value: 'not a url',
        });
        assertCode(() => buildCustomCloud({ ...valid, authorityHost: 'http://login.example' }), 'CloudSettingInvalidUrl');
        assertCode(() => buildCustomCloud({ ...valid, keyVaultDnsSuffix: 'vault example' }), 'CloudSettingInvalidUrl');
    });

    it('requires the endpoints a custom cloud cannot guess', () => {
        assertCode(() => buildCustomCloud({ ...valid, resourceManagerEndpoint: ' ' }), 'CloudSettingMissing', {
            setting: 'acrCmk.customCloud.resourceManagerEndpoint',
        });
        assertCode(() => buildCustomCloud({ ...valid, keyVaultDnsSuffix: undefined }), 'CloudSettingMissing', {
            setting: 'acrCmk.customCloud.keyVaultDnsSuffix',
        });
    });

    it('accepts a PEM certificate and refuses other content', () => {
        const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
        assert.equal(assertPemCertificate('/ca.pem', pem), pem);
        assertCode(() => assertPemCertificate('/ca.pem', 'hello'), 'CaCertificateNotPem', { path: '/ca.pem' });
    });
});

describe('custom cloud portal URL', () => {
    const base = {
        resourceManagerEndpoint: 'https://management.contoso.example/',
        resourceManagerAudience: 'https://management.contoso.example/',
        authorityHost: 'https://login.contoso.example',
        tenantId: '72f988bf-0000-0000-0000-000000000000',
        keyVaultDnsSuffix: '.vault.contoso.example',
    };

    it('accepts plain HTTP only on a loopback host (a browser opens it; no token goes there)', () => {
        for (const url of ['http://portal.localhost:8080', 'http://localhost:8080', 'http://127.0.0.1:8080']) {
            assert.equal(buildCustomCloud({ ...base, portalUrl: url }).portalUrl, url);
        }
        for (const url of ['http://portal.contoso.example', 'http://10.0.0.5:8080']) {
            assert.throws(
                () => buildCustomCloud({ ...base, portalUrl: url }),
                (error: DomainError) => error.code === 'CloudSettingInvalidUrl',
            );
        }
    });
});
