// The labels of the Create Registry with Customer-Managed Key wizard's prompts, as runCommandWithInputs answers them.
export const creation = {
    newGroup: '$(plus) Create new resource group',
    newIdentity: '$(plus) Create new user-assigned managed identity',
    newVault: '$(plus) Create new key vault (soft delete and purge protection on)',
    newKey: '$(plus) Create new RSA key',
    versionless: 'Versionless key (automatic rotation)',
    pinned: 'Pinned key version (manual rotation)',
    /** The modal about a picked vault without purge protection. */
    enablePurgeProtection: 'Enable Purge Protection',
    /** The summary (modal). */
    confirm: 'Create',
} as const;
