/**
 * Exactly what a grant added, so it can be undone without touching anything that existed before:
 * the key permissions added to one object id's access policy, one role assignment, or nothing.
 */
export type GrantRecord =
    | { readonly kind: 'accessPolicy'; readonly objectId: string; readonly permissions: readonly string[] }
    | { readonly kind: 'roleAssignment'; readonly id: string; readonly roleDefinitionId: string; readonly principalId: string; readonly scope: string }
    | { readonly kind: 'none' };
