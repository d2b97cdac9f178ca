import type { CreateStepId } from './CreatePlan';

/**
 * The write request each step sends (method + path pattern, as regular expressions over the request path).
 * The fault matrix is generated from this list, so a new step without an entry fails to compile.
 */
export const createStepRequests: Record<
    CreateStepId,
    { readonly method: string; readonly pathPattern: string; readonly dataPlane?: boolean; readonly nth?: number }
> = {
    resourceGroup: { method: 'PUT', pathPattern: '^/subscriptions/[^/]+/resourcegroups/[^/]+$' },
    identity: { method: 'PUT', pathPattern: '/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/]+$' },
    vault: { method: 'PUT', pathPattern: '/providers/Microsoft\\.KeyVault/vaults/[^/]+$' },
    vaultProtection: { method: 'PATCH', pathPattern: '/providers/Microsoft\\.KeyVault/vaults/[^/]+$' },
    // The caller's grant comes first (its own phase), then the identity's.
    keyManagementAccess: { method: 'PUT', pathPattern: '/vaults/[^/]+/accessPolicies/add$', nth: 1 },
    encryptionAccess: { method: 'PUT', pathPattern: '/vaults/[^/]+/accessPolicies/add$', nth: 2 },
    key: { method: 'POST', pathPattern: '^/keys/[^/]+/create$', dataPlane: true },
    registry: { method: 'PUT', pathPattern: '/providers/Microsoft\\.ContainerRegistry/registries/[^/]+$' },
};
