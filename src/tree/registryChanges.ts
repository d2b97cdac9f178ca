import type { RegistrySummary } from '../domain/registries/RegistryEncryption';

/**
 * What changed in what the views show about registries: everything (a refresh, a sign-in), one subscription's list, or
 * one registry (a flow changed or marked it; `registry` is its fresh reading when the flow read it back). Every view
 * of registries (our own, the Azure Resources sidebar's branch) follows the same changes.
 */
export type RegistryChange =
    | { readonly scope: 'all' }
    | { readonly scope: 'subscription'; readonly subscriptionId: string }
    | { readonly scope: 'registry'; readonly registryId: string; readonly registry?: RegistrySummary };

export const subscriptionOfRegistry = (registryId: string): string => registryId.split('/')[2]?.toLowerCase() ?? '';
