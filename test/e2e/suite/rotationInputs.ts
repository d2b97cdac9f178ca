// The labels of the rotation wizards' prompts (Rotate Key, Use System-Assigned Identity, Enable Automatic Rotation),
// as runCommandWithInputs answers them.
export const rotation = {
    newVersion: /^New version of key "/,
    sameVault: /^Another key in key vault "/,
    otherVault: 'A key in another key vault',
    typedKeyId: 'Enter a key identifier…',
    versionless: 'Versionless — automatic rotation',
    pinned: 'Pinned version — manual rotation',
    keepIdentity: 'Keep the current identity',
    systemIdentity: 'System-assigned identity',
    /** Consents (modal), asked in this order when the plan needs them. */
    enableSystemIdentity: 'Enable System Identity',
    grantAccess: 'Grant Access',
    addPolicyPermissions: 'Add Permissions',
    /** The final modal: the encryption before and after. */
    confirm: 'Change Encryption',
    keepPreviousAccess: /^Keep the access of "/,
    withPolicy: 'Also set a Key Vault rotation policy',
} as const;

export const confirmQuestion = (registryName: string) => `Change the encryption of registry "${registryName}"?`;
