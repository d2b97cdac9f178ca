import type { Registry } from '@azure/arm-containerregistry';
import * as assert from 'node:assert/strict';
import { azureChinaCloud, azureCloud } from '../../../src/domain/cloud/knownClouds';
import { DomainError } from '../../../src/domain/errors';
import { formatEncryptionShow, toEncryptionShowDocument } from '../../../src/domain/registries/encryptionShow';
import { encryptionHealth, findEncryptionProblems } from '../../../src/domain/registries/encryptionHealth';
import { hasIdentityType, resolveEncryptionIdentity } from '../../../src/domain/registries/identity';
import { portalResourceUrl } from '../../../src/domain/registries/portalUrl';
import { toRegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { parseResourceId } from '../../../src/domain/util/resourceId';

const sub = '00000000-0000-0000-0000-000000000001';
const identityId = `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/acr-id`;
const version = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

function registry(overrides: Partial<Registry> = {}): Registry {
    return {
        id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr1`,
        name: 'acr1',
        location: 'chinaeast2',
        sku: { name: 'Premium' },
        loginServer: 'acr1.azurecr.cn',
        ...overrides,
    };
}

const userIdentity = { type: 'UserAssigned' as const, userAssignedIdentities: { [identityId]: { clientId: 'client-1', principalId: 'principal-1' } } };

describe('registry encryption state', () => {
    it('maps a registry without CMK to disabled', () => {
        const summary = toRegistrySummary(registry({ sku: { name: 'Basic' }, encryption: { status: 'disabled' } }), azureChinaCloud);
        assert.deepEqual(summary.encryption, { status: 'disabled' });
        assert.equal(summary.sku, 'Basic');
        assert.equal(summary.resourceGroup, 'rg');
        assert.equal(summary.subscriptionId, sub);
        assert.equal(encryptionHealth(summary.encryption), 'none');
        assert.equal(toRegistrySummary(registry(), azureChinaCloud).encryption.status, 'disabled', 'no encryption property at all');
    });

    it('maps a versionless CMK with a user-assigned identity', () => {
        const rotated = new Date('2024-05-01T10:00:00Z');
        const summary = toRegistrySummary(
            registry({
                identity: userIdentity,
                encryption: {
                    status: 'enabled',
                    keyVaultProperties: {
                        keyIdentifier: 'https://kv1.vault.azure.cn/keys/acrkey',
                        versionedKeyIdentifier: `https://kv1.vault.azure.cn/keys/acrkey/${version}`,
                        identity: 'CLIENT-1',
                        keyRotationEnabled: true,
                        lastKeyRotationTimestamp: rotated,
                    },
                },
            }),
            azureChinaCloud,
        );
        const state = summary.encryption;
        assert.equal(state.status, 'enabled');
        if (state.status !== 'enabled') {
            return;
        }
        assert.equal(state.rotation, 'automatic');
        assert.equal(state.key?.vaultName, 'kv1');
        assert.equal(state.key?.keyName, 'acrkey');
        assert.equal(state.currentVersion, version);
        assert.deepEqual(state.identity, { kind: 'user', resourceId: identityId, name: 'acr-id', clientId: 'client-1', principalId: 'principal-1' });
        assert.equal(state.lastKeyRotation, rotated);
        assert.equal(encryptionHealth(state), 'cmk');
    });

    it('maps a pinned version with the system-assigned identity (type in odd case)', () => {
        const summary = toRegistrySummary(
            registry({
                identity: {
                    type: 'systemAssigned, userAssigned' as never,
                    principalId: 'sys-principal',
                    userAssignedIdentities: userIdentity.userAssignedIdentities,
                },
                encryption: {
                    status: 'enabled',
                    keyVaultProperties: { keyIdentifier: `https://kv1.vault.azure.cn/keys/acrkey/${version}`, identity: 'system' },
                },
            }),
            azureChinaCloud,
        );
        const state = summary.encryption;
        assert.ok(state.status === 'enabled');
        assert.equal(state.rotation, 'manual');
        assert.equal(state.currentVersion, version);
        assert.deepEqual(state.identity, { kind: 'system', principalId: 'sys-principal' });
        assert.deepEqual(findEncryptionProblems(state), []);
    });

    it('flags the known pitfalls: principal id instead of client id, unassigned identity, key of another cloud', () => {
        const withIdentity = (identity: string, keyIdentifier = 'https://kv1.vault.azure.cn/keys/k') =>
            toRegistrySummary(
                registry({
                    identity: userIdentity,
                    encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier, identity } },
                }),
                azureChinaCloud,
            ).encryption;
        assert.deepEqual(findEncryptionProblems(withIdentity('principal-1')), [
            { kind: 'principalIdUsed', principalId: 'principal-1', resourceId: identityId, name: 'acr-id' },
        ]);
        assert.deepEqual(findEncryptionProblems(withIdentity('someone-else')), [{ kind: 'notAssigned', clientId: 'someone-else' }]);
        const foreign = withIdentity('client-1', 'https://kv1.vault.azure.net/keys/k');
        assert.deepEqual(findEncryptionProblems(foreign), [{ kind: 'keyIdentifierInvalid', keyIdentifier: 'https://kv1.vault.azure.net/keys/k' }]);
        assert.ok(foreign.status === 'enabled' && foreign.keyError instanceof DomainError && foreign.keyError.code === 'KeyIdOtherCloud');
        assert.equal(encryptionHealth(foreign), 'cmkProblem');
        const systemWithoutIdentity = toRegistrySummary(
            registry({ encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier: 'https://kv1.vault.azure.cn/keys/k', identity: 'system' } } }),
            azureChinaCloud,
        ).encryption;
        assert.deepEqual(findEncryptionProblems(systemWithoutIdentity), [{ kind: 'systemIdentityDisabled' }]);
    });

    it('compares identity types case-insensitively', () => {
        assert.ok(hasIdentityType({ type: 'userAssigned' as never }, 'UserAssigned'));
        assert.ok(hasIdentityType({ type: 'SystemAssigned, UserAssigned' }, 'SystemAssigned'));
        assert.ok(!hasIdentityType({ type: 'None' }, 'SystemAssigned'));
        assert.equal(resolveEncryptionIdentity(undefined, undefined), undefined);
    });

    it('prints the same document as `az acr encryption show`', () => {
        const cmk = registry({
            encryption: {
                status: 'enabled',
                keyVaultProperties: {
                    keyIdentifier: 'https://kv1.vault.azure.cn/keys/k',
                    identity: 'client-1',
                    versionedKeyIdentifier: `https://kv1.vault.azure.cn/keys/k/${version}`,
                    keyRotationEnabled: true,
                    lastKeyRotationTimestamp: new Date('2024-05-01T10:00:00Z'),
                },
            },
        });
        assert.deepEqual(toEncryptionShowDocument(cmk), {
            keyVaultProperties: {
                identity: 'client-1',
                keyIdentifier: 'https://kv1.vault.azure.cn/keys/k',
                keyRotationEnabled: true,
                lastKeyRotationTimestamp: '2024-05-01T10:00:00.000Z',
                versionedKeyIdentifier: `https://kv1.vault.azure.cn/keys/k/${version}`,
            },
            status: 'enabled',
        });
        assert.equal(formatEncryptionShow(registry({ encryption: { status: 'disabled' } })), '{\n  "keyVaultProperties": null,\n  "status": "disabled"\n}\n');
    });

    it('parses resource ids and refuses others with ResourceIdInvalid', () => {
        assert.deepEqual(
            { ...parseResourceId(identityId) },
            { subscriptionId: sub, resourceGroup: 'rg', provider: 'Microsoft.ManagedIdentity', type: 'userAssignedIdentities', name: 'acr-id' },
        );
        assert.throws(
            () => parseResourceId('/subscriptions/x'),
            (error: unknown) => error instanceof DomainError && error.code === 'ResourceIdInvalid',
        );
    });

    it('builds cloud-aware portal URLs', () => {
        const id = registry().id ?? '';
        assert.equal(portalResourceUrl(azureChinaCloud, id, 'tenant-1'), `https://portal.azure.cn/#@tenant-1/resource${id}`);
        assert.equal(portalResourceUrl(azureCloud, id), `https://portal.azure.com/#resource${id}`);
    });
});
