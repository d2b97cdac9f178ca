import '../badInput/vscodeStandIn';
import type { Registry } from '@azure/arm-containerregistry';
import * as assert from 'node:assert/strict';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import { azureCloud } from '../../../src/domain/cloud/knownClouds';
import { DiagnosisCache } from '../../../src/domain/diagnose/DiagnosisCache';
import { checkIdentity } from '../../../src/domain/diagnose/identityCheck';
import { isDomainError } from '../../../src/domain/errors';
import { encryptionHealth, findEncryptionProblems, identityHealth, type IdentityHealth } from '../../../src/domain/registries/encryptionHealth';
import { toRegistrySummary, type CustomerManagedKeyState, type RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { resolvePlannedIdentity } from '../../../src/domain/rotate/plannedIdentity';
import { registryContextValue } from '../../../src/tree/registryPresentation';

// The one encryption-health model as a decision table: each registry shape, how the model classifies its identity,
// and what the tree, Diagnose and Rotate (keeping the identity) make of that same classification.

const sub = '00000000-0000-0000-0000-000000000001';
const idOf = (name: string) => `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
const assignedId = idOf('id-assigned');
const removedId = idOf('id-removed');
const identities = [
    { id: assignedId, name: 'id-assigned', clientId: 'client-assigned', principalId: 'principal-assigned' },
    { id: removedId, name: 'id-removed', clientId: 'client-removed', principalId: 'principal-removed' },
];

/** Only what plannedIdentity and the Diagnose lookup read: one identity by name, all identities of the subscription. */
const factory = {
    managedIdentities: async () => ({
        userAssignedIdentities: {
            get: async (_group: string, name: string) => identities.find((identity) => identity.name === name)!,
            listBySubscription: async function* () {
                yield* identities;
            },
        },
    }),
} as unknown as AzureClientFactory;

const systemOn = { type: 'SystemAssigned, UserAssigned' as const, principalId: 'sys-principal', userAssignedIdentities: { [assignedId]: identities[0] } };
const userOnly = { type: 'UserAssigned' as const, userAssignedIdentities: { [assignedId]: identities[0] } };

function summary(
    identity: Registry['identity'],
    value: string | undefined,
    extra: Partial<Registry> = {},
    keyIdentifier = 'https://kv1.vault.azure.net/keys/k',
): RegistrySummary {
    return toRegistrySummary(
        {
            id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr1`,
            name: 'acr1',
            location: 'westeurope',
            sku: { name: 'Premium' },
            identity,
            encryption: { status: 'enabled', keyVaultProperties: { keyIdentifier, identity: value } },
            ...extra,
        },
        azureCloud,
    );
}

const cmk = (registry: RegistrySummary): CustomerManagedKeyState => {
    assert.equal(registry.encryption.status, 'enabled');
    return registry.encryption as CustomerManagedKeyState;
};

interface Row {
    readonly shape: string;
    readonly registry: RegistrySummary;
    readonly health: IdentityHealth;
    readonly tree: { readonly health: 'cmk' | 'cmkProblem'; readonly identity: string };
    readonly diagnose: { readonly code: string; readonly kind: string; readonly principalId?: string; readonly fix?: string };
    /** Rotate, keeping the identity: what it plans, or the error it refuses with. */
    readonly keep:
        { readonly kind: 'system' | 'user'; readonly enabled?: boolean; readonly clientId?: string; readonly reassign?: boolean } | { readonly error: string };
}

const table: Row[] = [
    {
        shape: '"system", system identity on',
        registry: summary(systemOn, 'system'),
        health: { kind: 'system', principalId: 'sys-principal' },
        tree: { health: 'cmk', identity: 'system' },
        diagnose: { code: 'identitySystem', kind: 'system', principalId: 'sys-principal' },
        keep: { kind: 'system', enabled: true },
    },
    {
        shape: '"system", system identity off',
        registry: summary(userOnly, 'system'),
        health: { kind: 'systemIdentityDisabled' },
        tree: { health: 'cmkProblem', identity: 'system' },
        diagnose: { code: 'systemIdentityDisabled', kind: 'system', fix: 'switchToSystemIdentity' },
        keep: { kind: 'system', enabled: false },
    },
    {
        shape: 'client id of an assigned identity (any case)',
        registry: summary(userOnly, 'CLIENT-ASSIGNED'),
        health: { kind: 'user', resourceId: assignedId, name: 'id-assigned', clientId: 'client-assigned', principalId: 'principal-assigned' },
        tree: { health: 'cmk', identity: 'user' },
        diagnose: { code: 'identityUser', kind: 'user', principalId: 'principal-assigned' },
        keep: { kind: 'user', clientId: 'client-assigned', reassign: false },
    },
    {
        shape: 'principal id of an assigned identity',
        registry: summary(userOnly, 'principal-assigned'),
        health: { kind: 'principalIdUsed', principalId: 'principal-assigned', resourceId: assignedId, name: 'id-assigned' },
        tree: { health: 'cmkProblem', identity: 'unknown' },
        diagnose: { code: 'identityPrincipalIdUsed', kind: 'user', principalId: 'principal-assigned', fix: 'useClientId' },
        // The switch writes the client id.
        keep: { kind: 'user', clientId: 'client-assigned', reassign: false },
    },
    {
        shape: 'client id of an identity removed from the registry, modified just now',
        registry: summary(userOnly, 'client-removed', { systemData: { lastModifiedAt: new Date() } }),
        health: { kind: 'notAssigned', clientId: 'client-removed' },
        tree: { health: 'cmkProblem', identity: 'unknown' },
        diagnose: { code: 'identityNotAssigned', kind: 'user', principalId: 'principal-removed', fix: 'reassignIdentity' },
        keep: { kind: 'user', clientId: 'client-removed', reassign: true },
    },
    {
        shape: 'client id of an identity removed from the registry, modified half a year ago',
        registry: summary(userOnly, 'client-removed', { systemData: { lastModifiedAt: new Date(Date.now() - 180 * 24 * 3600 * 1000) } }),
        health: { kind: 'notAssigned', clientId: 'client-removed' },
        tree: { health: 'cmkProblem', identity: 'unknown' },
        diagnose: { code: 'identityInactive', kind: 'user', principalId: 'principal-removed', fix: 'reassignIdentity' },
        keep: { kind: 'user', clientId: 'client-removed', reassign: true },
    },
    {
        shape: 'client id of a deleted identity',
        registry: summary(userOnly, 'client-deleted'),
        health: { kind: 'notAssigned', clientId: 'client-deleted' },
        tree: { health: 'cmkProblem', identity: 'unknown' },
        diagnose: { code: 'identityDeleted', kind: 'user', fix: 'switchToSystemIdentity' },
        keep: { error: 'EncryptionIdentityDeleted' },
    },
    {
        shape: 'no identity',
        registry: summary(systemOn, undefined),
        health: { kind: 'missing' },
        tree: { health: 'cmkProblem', identity: 'unknown' },
        diagnose: { code: 'identityMissing', kind: 'none' },
        keep: { error: 'EncryptionIdentityMissing' },
    },
];

describe('encryption health: one model the tree, Diagnose and Rotate read (decision table)', () => {
    for (const row of table) {
        describe(row.shape, () => {
            const state = cmk(row.registry);

            it(`the model: ${row.health.kind}`, () => {
                assert.deepEqual(identityHealth(state), row.health);
                const problems = findEncryptionProblems(state);
                assert.deepEqual(problems, row.tree.health === 'cmk' ? [] : [row.health]);
            });

            it(`the tree: ${row.tree.health}, identity:${row.tree.identity}`, () => {
                assert.equal(encryptionHealth(state), row.tree.health);
                const context = registryContextValue(row.registry);
                assert.ok(context.startsWith(`registry;encryption:cmk;identity:${row.tree.identity};`), context);
                assert.equal(context.endsWith(';problem'), row.tree.health === 'cmkProblem', context);
            });

            it(`Diagnose: ${row.diagnose.code}`, async () => {
                const check = await checkIdentity(factory, row.registry, state, new DiagnosisCache([sub]));
                assert.deepEqual(
                    { code: check.finding.code, kind: check.kind, principalId: check.principalId, fix: check.finding.fix?.kind },
                    { code: row.diagnose.code, kind: row.diagnose.kind, principalId: row.diagnose.principalId, fix: row.diagnose.fix },
                );
                assert.equal(check.finding.status, row.tree.health === 'cmk' ? 'ok' : 'error', 'a problem the tree flags is a Diagnose error');
            });

            it(`Rotate, keeping the identity: ${'error' in row.keep ? row.keep.error : row.keep.kind}`, async () => {
                const planned = resolvePlannedIdentity(factory, row.registry, state, { kind: 'keep' }, [sub]);
                const expected = row.keep;
                if ('error' in expected) {
                    await assert.rejects(planned, (error: unknown) =>
                        isDomainError(error, expected.error as 'EncryptionIdentityDeleted' | 'EncryptionIdentityMissing'),
                    );
                    return;
                }
                const { identity, reassignIdentityId } = await planned;
                if (expected.kind === 'system') {
                    assert.deepEqual(identity, {
                        kind: 'system',
                        enabled: expected.enabled,
                        principalId: expected.enabled ? 'sys-principal' : undefined,
                    });
                    assert.equal(reassignIdentityId, undefined);
                } else {
                    assert.ok(identity.kind === 'user');
                    assert.deepEqual(
                        [identity.clientId, identity.assigned, reassignIdentityId],
                        [expected.clientId, !expected.reassign, expected.reassign ? removedId : undefined],
                    );
                }
            });
        });
    }

    it('a key identifier of another cloud is a problem of its own, next to the identity health', () => {
        const foreign = summary(userOnly, 'client-removed', {}, 'https://kv1.vault.azure.cn/keys/k').encryption;
        assert.deepEqual(findEncryptionProblems(foreign), [
            { kind: 'keyIdentifierInvalid', keyIdentifier: 'https://kv1.vault.azure.cn/keys/k' },
            { kind: 'notAssigned', clientId: 'client-removed' },
        ]);
        assert.equal(encryptionHealth(foreign), 'cmkProblem');
        assert.deepEqual(findEncryptionProblems({ status: 'disabled' }), []);
        assert.equal(encryptionHealth({ status: 'disabled' }), 'none');
    });
});
