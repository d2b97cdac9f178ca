import type { RotationStepName } from './RotationPlan';
import type { RotationConsent } from './RotationRequest';

/** A write request a change sends: method and path (a regular expression over the request path), on Resource Manager or the vault. */
export interface ChangeRequest {
    readonly method: 'PUT' | 'PATCH' | 'POST' | 'DELETE';
    readonly path: string;
    /** Sent to the vault's own host (Key Vault's data plane), not to Resource Manager. */
    readonly dataPlane?: true;
    /** Sent only on a vault of this permission model. */
    readonly vault?: 'accessPolicy' | 'rbac';
}

/** One change a rotation can make: the consent the user must give before the plan includes it, and the writes it sends. */
export interface RotationChange {
    readonly consent?: keyof RotationConsent;
    readonly requests: readonly ChangeRequest[];
}

const registryPatch: ChangeRequest = { method: 'PATCH', path: '/providers/Microsoft\\.ContainerRegistry/registries/[^/]+$' };
const policyAdd: ChangeRequest = { method: 'PUT', path: '/providers/Microsoft\\.KeyVault/vaults/[^/]+/accessPolicies/add$', vault: 'accessPolicy' };
const roleAssignment = (method: 'PUT' | 'DELETE'): ChangeRequest => ({
    method,
    path: '/providers/Microsoft\\.KeyVault/vaults/[^/]+/providers/Microsoft\\.Authorization/roleAssignments/[^/]+$',
    vault: 'rbac',
});

/**
 * Every change of the rotation family as data: `decideRotation` takes the consent from here, the steps in
 * `rotationSteps.ts` send exactly these requests (the rotation request test checks each against the emulator's log).
 */
export const rotationChanges: Record<RotationStepName, RotationChange> = {
    reassignIdentity: { consent: 'reassignRemovedIdentity', requests: [registryPatch] },
    assignIdentity: { consent: 'assignIdentity', requests: [registryPatch] },
    enableSystemIdentity: { consent: 'enableSystemIdentity', requests: [registryPatch] },
    // get/wrapKey/unwrapKey in an access policy, or the Key Vault Crypto Service Encryption User role on the vault.
    grantAccess: { consent: 'grantAccess', requests: [policyAdd, roleAssignment('PUT')] },
    enableTrustedServices: { consent: 'enableTrustedServices', requests: [{ method: 'PATCH', path: '/providers/Microsoft\\.KeyVault/vaults/[^/]+$' }] },
    grantPolicyRights: { consent: 'grantPolicyRights', requests: [policyAdd] },
    createKeyVersion: { requests: [{ method: 'POST', path: '^/keys/[^/]+/create$', dataPlane: true }] },
    switchEncryption: { requests: [registryPatch] },
    setRotationPolicy: { requests: [{ method: 'PUT', path: '^/keys/[^/]+/rotationpolicy$', dataPlane: true }] },
    removeOldGrant: {
        requests: [
            { method: 'PUT', path: '/providers/Microsoft\\.KeyVault/vaults/[^/]+/accessPolicies/remove$', vault: 'accessPolicy' },
            roleAssignment('DELETE'),
        ],
    },
};

/** The writes a change sends on a vault of the given permission model. */
export function changeRequests(step: RotationStepName, rbacVault: boolean): readonly ChangeRequest[] {
    return rotationChanges[step].requests.filter((request) => !request.vault || request.vault === (rbacVault ? 'rbac' : 'accessPolicy'));
}
