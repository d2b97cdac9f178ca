// After a successful rotation flow: the stock Azure CLI shows exactly what the flow reported and what it was
// asked for. Every check is derived from the flow's request, plan and result (nothing per branch), so one
// function serves every branch; which extra reads it makes (vault, rotation policy) follows the steps it ran.
import * as assert from 'node:assert/strict';
import { expiryDays } from '../../../src/domain/keys/rotationPolicy';
import type { EmulatorEnvironment } from '../../emulator';
import type { RotationOutcome } from '../rotate/rotateAssertions';
import type { AzSession } from './azSession';
import { cryptoServiceEncryptionUserRoleId } from '../../../src/domain/access/roles';
import {
    keyPermissionsOf,
    readEncryptionViaCli,
    readIdentityViaCli,
    readRoleAssignmentsViaCli,
    readRotationPolicyViaCli,
    readVaultViaCli,
    type AzRegistryIdentity,
    type AzRoleAssignment,
    type AzRotationPolicy,
    type AzVault,
} from './cliRegistryView';

const same = (a: string | undefined | null, b: string | undefined | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const keyBase = (keyId: string) => keyId.replace(/^(https:\/\/[^/]+\/keys\/[^/]+).*$/i, '$1').toLowerCase();
const keyVersion = (keyId: string) => keyId.split('/keys/')[1]?.split('/')[1] ?? '';

/** The flow's own report agrees with its request (so that comparing the CLI with the report also tests the request). */
export function assertReportMatchesRequest({ request, result }: RotationOutcome): void {
    const after = result.after;
    assert.equal(keyVersion(after.keyIdentifier) === '', request.versionless, `versionless (${request.versionless}) vs reported ${after.keyIdentifier}`);
    const asked = request.key.kind === 'existing' ? request.key.keyId : result.before.keyIdentifier;
    assert.equal(keyBase(after.keyIdentifier), keyBase(asked), 'the reported key is the requested key');
    if (request.key.kind === 'existing' && keyVersion(asked) && !request.versionless) {
        assert.equal(after.keyIdentifier.toLowerCase(), asked.toLowerCase(), 'the requested version');
    }
    if (result.createdVersion && !request.versionless) {
        assert.equal(keyVersion(after.keyIdentifier), result.createdVersion, 'pinned to the version the flow created');
    }
    if (request.identity.kind === 'system') assert.equal(after.identity.toLowerCase(), 'system');
    if (request.identity.kind === 'keep') assert.ok(same(after.identity, result.before.identity), 'the identity is kept');
}

/** The value `keyVaultProperties.identity` must have, from the request (a user identity's client id comes from the CLI's own `az acr identity show`). */
function expectedIdentityValue({ request, result }: RotationOutcome, assigned: AzRegistryIdentity | null): string {
    if (request.identity.kind === 'system') return 'system';
    if (request.identity.kind === 'keep') return result.before.identity;
    const resourceId = request.identity.resourceId;
    const entry = Object.entries(assigned?.userAssignedIdentities ?? {}).find(([id]) => same(id, resourceId));
    assert.ok(entry, `az acr identity show lists the requested identity ${resourceId}`);
    return entry[1].clientId;
}

/** The principal behind the encryption identity as the CLI lists the registry's identities; fails when it is not assigned. */
function encryptionPrincipal(assigned: AzRegistryIdentity | null, identityValue: string): string {
    if (same(identityValue, 'system')) {
        assert.match(assigned?.type ?? '', /SystemAssigned/i, 'the system identity is enabled (az acr identity show)');
        assert.ok(assigned?.principalId, 'the system identity has a principal');
        return assigned.principalId;
    }
    const entry = Object.values(assigned?.userAssignedIdentities ?? {}).find((e) => same(e.clientId, identityValue));
    assert.ok(entry, `the encryption identity ${identityValue} is assigned to the registry (az acr identity show)`);
    return entry.principalId;
}

export async function assertCliAgreesWithRotation(cli: AzSession, environment: EmulatorEnvironment, outcome: RotationOutcome): Promise<void> {
    const { request, plan, result } = outcome;
    assertReportMatchesRequest(outcome);
    const steps = new Set<string>(result.completed);
    // Each extra read only where the flow claims a change it covers: the registry's identities, the vault, the key's policy.
    const identityChanged = request.identity.kind !== 'keep' || ['reassignIdentity', 'assignIdentity', 'enableSystemIdentity'].some((s) => steps.has(s));
    const rbac = plan.vault.enableRbacAuthorization;
    const vaultChanged = (steps.has('grantAccess') && !rbac) || ['enableTrustedServices', 'grantPolicyRights', 'removeOldGrant'].some((s) => steps.has(s));
    const [encryption, identities, vault, roles, policy] = await Promise.all([
        readEncryptionViaCli(cli, plan.registry.id),
        identityChanged ? readIdentityViaCli(cli, plan.registry.id) : undefined,
        vaultChanged ? readVaultViaCli(cli, plan.vault) : undefined,
        steps.has('grantAccess') && rbac ? readRoleAssignmentsViaCli(cli, environment.armEndpoint, plan.vault.id) : undefined,
        request.rotationPolicy ? readRotationPolicyViaCli(cli, environment.keyVaultAudience, plan.vault.vaultUri, plan.key.keyName) : undefined,
    ]);

    const kvp = encryption.keyVaultProperties;
    assert.equal(encryption.status, 'enabled');
    assert.ok(kvp, 'az acr encryption show has keyVaultProperties');
    assert.equal(kvp.keyIdentifier, result.after.keyIdentifier, 'keyIdentifier: CLI vs the flow');
    assert.equal(kvp.versionedKeyIdentifier, result.after.versionedKeyIdentifier, 'versionedKeyIdentifier: CLI vs the flow');
    if (request.versionless) {
        assert.ok(kvp.versionedKeyIdentifier.startsWith(`${kvp.keyIdentifier}/`), `a version of ${kvp.keyIdentifier}: ${kvp.versionedKeyIdentifier}`);
    } else {
        assert.equal(kvp.versionedKeyIdentifier, kvp.keyIdentifier, 'pinned: the versioned id is the key id');
    }
    assert.equal(kvp.keyRotationEnabled, request.versionless, 'keyRotationEnabled follows versionless');
    const identityValue = expectedIdentityValue(outcome, identities ?? null);
    assert.ok(same(kvp.identity, identityValue), `identity: CLI ${kvp.identity}, expected ${identityValue}`);
    assert.ok(same(kvp.identity, result.after.identity), `identity: CLI ${kvp.identity}, the flow reported ${result.after.identity}`);
    // A kept identity is the plan's (read before the change); a new or re-assigned one must show up in `az acr identity show`.
    const principal = identities !== undefined ? encryptionPrincipal(identities, kvp.identity) : (plan.identity.principalId ?? '');

    assertVaultChanges(outcome, principal, { vault, roles, policy });
}

/** What the flow changed on the vault and the key (grants, trusted services, removed grant, rotation policy), as the CLI reads it. */
function assertVaultChanges(
    { request, plan, result }: RotationOutcome,
    principal: string,
    { vault, roles, policy }: { vault?: AzVault; roles?: AzRoleAssignment[]; policy?: AzRotationPolicy },
): void {
    const steps = new Set<string>(result.completed);
    if (roles) {
        assert.ok(
            roles.some(
                (r) =>
                    same(r.properties.principalId, principal) && r.properties.roleDefinitionId.toLowerCase().endsWith(`/${cryptoServiceEncryptionUserRoleId}`),
            ),
            'az rest (role assignments): the encryption identity holds the encryption role on the vault',
        );
    }
    if (vault && steps.has('grantAccess') && !plan.vault.enableRbacAuthorization) {
        const granted = keyPermissionsOf(vault, principal);
        assert.ok(
            ['get', 'unwrapkey', 'wrapkey'].every((p) => granted.includes(p)),
            `az keyvault show: the encryption identity's grant (${granted.join(', ')})`,
        );
    }
    if (vault && steps.has('enableTrustedServices')) {
        assert.equal(vault.properties.networkAcls?.bypass, 'AzureServices', 'az keyvault show: trusted services allowed');
        assert.equal(vault.properties.networkAcls?.defaultAction, 'Deny', 'az keyvault show: the firewall stays on');
    }
    if (vault && steps.has('grantPolicyRights') && plan.policyRights) {
        const held = keyPermissionsOf(vault, plan.policyRights.objectId);
        assert.ok(
            plan.policyRights.missing.every((p) => held.includes(p.toLowerCase())),
            `az keyvault show: the signed-in principal's rotation-policy rights (${held.join(', ')})`,
        );
    }
    if (vault && steps.has('removeOldGrant')) {
        for (const grant of plan.previousIdentityGrants ?? []) {
            if (grant.kind !== 'accessPolicy') continue;
            const left = keyPermissionsOf(vault, grant.objectId);
            assert.deepEqual(
                left.filter((p) => grant.permissions.some((g) => same(g, p))),
                [],
                `az keyvault show: ${grant.objectId}'s grant removed`,
            );
        }
    }
    if (policy && request.rotationPolicy) {
        const actions = policy.lifetimeActions.map((a) => [a.action.type.toLowerCase(), a.trigger.timeAfterCreate ?? a.trigger.timeBeforeExpiry]);
        assert.deepEqual(
            actions,
            [
                ['rotate', `P${request.rotationPolicy.rotateEveryDays}D`],
                ['notify', `P${request.rotationPolicy.notifyDaysBeforeExpiry}D`],
            ],
            'az rest: the rotation policy',
        );
        assert.equal(policy.attributes?.expiryTime, `P${expiryDays(request.rotationPolicy.rotateEveryDays)}D`, 'az rest: new versions expire');
    }
}
