import * as assert from 'node:assert/strict';
import type { VaultInfo } from '../../../src/domain/access/VaultInfo';
import type { AnyDomainError } from '../../../src/domain/errors';
import type { CustomerManagedKeyState, RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import { decideRotation, missingConsents, type RotationFacts } from '../../../src/domain/rotate/planRotation';
import type { RotationRequest } from '../../../src/domain/rotate/RotationRequest';
import { registry as sampleRegistry, version } from '../keysView/fleetSamples';

// The rotation decision from facts alone: no emulator, no request — what a consent, the firewall and the registry's
// state decide. (The reads that produce the facts are tested against the emulator in test/integration/rotate/.)

const vault: VaultInfo = {
    id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-one',
    name: 'kv-one',
    subscriptionId: 's1',
    resourceGroup: 'rg',
    vaultUri: 'https://kv-one.vault.azure.net/',
    tenantId: 't',
    sku: 'standard',
    enableRbacAuthorization: false,
    enableSoftDelete: true,
    enablePurgeProtection: true,
    accessPolicies: [],
};
const userIdentity = {
    kind: 'user' as const,
    resourceId: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-one',
    name: 'id-one',
    clientId: 'client-1',
    principalId: 'principal-1',
    assigned: true,
};

function factsFor(overrides: Partial<RotationFacts> = {}, registryOverrides: { pinned?: boolean } = {}): RotationFacts {
    const summary: RegistrySummary = sampleRegistry('reg', {
        pinned: registryOverrides.pinned ?? true,
        current: version(1),
        identity: { kind: 'user', name: 'id-one', clientId: 'client-1', principalId: 'principal-1', resourceId: userIdentity.resourceId } as never,
    });
    const raw = { encryption: { keyVaultProperties: { keyIdentifier: (summary.encryption as CustomerManagedKeyState).keyIdentifier, identity: 'client-1' } } };
    const registry = { ...summary, raw } as unknown as RegistrySummary;
    const state = registry.encryption as CustomerManagedKeyState;
    return { registry, state, key: { ...state.key!, version: undefined }, vault, identity: userIdentity, identityHasAccess: true, ...overrides };
}

const newVersion = (consent: RotationRequest['consent'] = {}, extra: Partial<RotationRequest> = {}): RotationRequest => ({
    registryId: 'r',
    key: { kind: 'newVersion' },
    versionless: false,
    identity: { kind: 'keep' },
    consent,
    ...extra,
});

const refusedFor = (step: string) => (error: AnyDomainError) => error.code === 'RotationChangeDeclined' && error.params.step === step;

describe('decideRotation (pure)', () => {
    it('a new pinned version with the same identity: create the version, then switch', () => {
        assert.deepEqual([...decideRotation(factsFor(), newVersion()).steps], ['createKeyVersion', 'switchEncryption']);
    });

    it('a new version of a versionless registry needs no switch: ACR picks it up', () => {
        const facts = factsFor({}, { pinned: false });
        const plan = decideRotation(facts, newVersion({}, { versionless: true }));
        assert.deepEqual([...plan.steps], ['createKeyVersion']);
    });

    it('a missing grant is refused until consented, then planned — on the same facts, without reading again', () => {
        const facts = factsFor({ identityHasAccess: false });
        assert.throws(
            () => decideRotation(facts, newVersion()),
            (error: AnyDomainError) =>
                error.code === 'RotationChangeDeclined' &&
                error.params.step === 'grantAccess' &&
                error.params.vault === 'kv-one' &&
                error.params.identity === 'id-one',
        );
        assert.deepEqual([...decideRotation(facts, newVersion({ grantAccess: true })).steps], ['grantAccess', 'createKeyVersion', 'switchEncryption']);
    });

    it('the system identity: enabling it and granting it are two consents, asked in order', () => {
        const facts = factsFor({ identity: { kind: 'system', enabled: false }, identityHasAccess: false });
        const request = (consent: RotationRequest['consent']) => newVersion(consent, { identity: { kind: 'system' } });
        assert.throws(() => decideRotation(facts, request({})), refusedFor('enableSystemIdentity'));
        assert.throws(() => decideRotation(facts, request({ enableSystemIdentity: true })), refusedFor('grantAccess'));
        assert.deepEqual(
            [...decideRotation(facts, request({ enableSystemIdentity: true, grantAccess: true })).steps],
            ['enableSystemIdentity', 'grantAccess', 'createKeyVersion', 'switchEncryption'],
        );
    });

    it('a removed encryption identity is named (its client id) before anything else, and re-assigned first once agreed', () => {
        const facts = factsFor({
            reassignIdentityId: userIdentity.resourceId,
            state: { ...factsFor().state, identity: { kind: 'unassigned', clientId: 'client-gone' } } as CustomerManagedKeyState,
        });
        assert.throws(
            () => decideRotation(facts, newVersion()),
            (error: AnyDomainError) => error.code === 'EncryptionIdentityRemoved' && error.params.clientId === 'client-gone',
        );
        assert.equal([...decideRotation(facts, newVersion({ reassignRemovedIdentity: true })).steps][0], 'reassignIdentity');
    });

    it('a firewalled vault: a user-assigned identity is refused; the system identity needs trusted services, consented', () => {
        const firewalled = { ...vault, networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRuleCount: 0, virtualNetworkRuleCount: 0 } };
        assert.throws(
            () => decideRotation(factsFor({ vault: firewalled }), newVersion()),
            (error: AnyDomainError) => error.code === 'FirewallNeedsSystemIdentity',
        );
        const system = factsFor({ vault: firewalled, identity: { kind: 'system', enabled: true, principalId: 'p-sys' } });
        assert.throws(
            () => decideRotation(system, newVersion({}, { identity: { kind: 'system' } })),
            (error: AnyDomainError) => error.code === 'FirewallNeedsTrustedServices',
        );
        assert.ok(decideRotation(system, newVersion({ enableTrustedServices: true }, { identity: { kind: 'system' } })).steps.has('enableTrustedServices'));
    });

    it('nothing to change is said, not planned', () => {
        const facts = factsFor({ targetKeyId: factsFor().state.keyIdentifier });
        assert.throws(
            () =>
                decideRotation(facts, {
                    registryId: 'r',
                    key: { kind: 'existing', keyId: facts.targetKeyId! },
                    versionless: false,
                    identity: { kind: 'keep' },
                    consent: {},
                }),
            (error: AnyDomainError) => error.code === 'RotationNoChange',
        );
    });

    it("a rotation policy on an access-policy vault: the missing policy rights are one consent; the old identity's grant is removed after the switch", () => {
        const facts = factsFor({
            policyRights: { objectId: 'me', missing: ['getrotationpolicy', 'setrotationpolicy'] },
            previousIdentityGrants: [{ kind: 'accessPolicy', objectId: 'old', permissions: ['get', 'unwrapKey', 'wrapKey'] }] as never,
        });
        const policy = { rotateEveryDays: 90, expiresAfterDays: 180 } as never;
        assert.throws(() => decideRotation(facts, newVersion({}, { rotationPolicy: policy })), refusedFor('grantPolicyRights'));
        assert.deepEqual(
            [...decideRotation(facts, newVersion({ grantPolicyRights: true }, { rotationPolicy: policy })).steps],
            ['grantPolicyRights', 'createKeyVersion', 'switchEncryption', 'setRotationPolicy', 'removeOldGrant'],
        );
    });

    it('every missing consent at once, in the order of the changes (what the wizard asks up front), then one decision', () => {
        const firewalled = { ...vault, networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRuleCount: 0, virtualNetworkRuleCount: 0 } };
        const facts = factsFor({ vault: firewalled, identity: { kind: 'system', enabled: false }, identityHasAccess: false });
        const refusals = missingConsents(facts, newVersion());
        assert.deepEqual(
            refusals.map((refusal) => (refusal.code === 'RotationChangeDeclined' ? refusal.params.step : refusal.code)),
            ['enableSystemIdentity', 'grantAccess', 'FirewallNeedsTrustedServices'],
        );
        assert.throws(() => decideRotation(facts, newVersion()), refusedFor('enableSystemIdentity'), 'the decision refuses with the first');
        const all = { enableSystemIdentity: true, enableTrustedServices: true, grantAccess: true };
        assert.deepEqual(missingConsents(facts, newVersion(all)), []);
        assert.deepEqual(
            [...decideRotation(facts, newVersion(all)).steps],
            ['enableSystemIdentity', 'grantAccess', 'enableTrustedServices', 'createKeyVersion', 'switchEncryption'],
        );
    });

    it('a refusal no consent lifts comes before any question: a firewall only the system identity passes', () => {
        const firewalled = { ...vault, networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRuleCount: 0, virtualNetworkRuleCount: 0 } };
        const facts = factsFor({ vault: firewalled, identity: { ...userIdentity, assigned: false }, identityHasAccess: false });
        assert.throws(
            () => missingConsents(facts, newVersion()),
            (error: AnyDomainError) => error.code === 'FirewallNeedsSystemIdentity',
        );
    });
});
