/** Every command id the extension registers at activation; must match `contributes.commands` in package.json. */
export const commandIds = [
    'acrCmk.refresh', 'acrCmk.signIn', 'acrCmk.selectSubscriptions', 'acrCmk.showEncryption', 'acrCmk.copyKeyId',
    'acrCmk.copyVersionedKeyId', 'acrCmk.openInPortal', 'acrCmk.createEncryptedRegistry', 'acrCmk.exportTemplate',
    'acrCmk.deployTemplate', 'acrCmk.rotateKey', 'acrCmk.useSystemIdentity', 'acrCmk.enableAutoRotation',
    'acrCmk.firewallPath', 'acrCmk.revokeKeyAccess', 'acrCmk.restoreKeyAccess', 'acrCmk.diagnoseKeyAccess',
    'acrCmk.diagnoseAllKeyAccess', 'acrCmk.fixKeyAccess', 'acrCmk.showKeyUsage', 'acrCmk.rotateAllUsingKey',
    'acrCmk.enableKeyAudit', 'acrCmk.openKeyUsageQuery',
    'acrCmk.exportFleetReport', 'acrCmk.enableAutoRotationUsingKey', 'acrCmk.showVaultUsage', 'acrCmk.showIdentityUsage',
    'acrCmk.recoverInterruptedRun',
] as const;

export type CommandId = typeof commandIds[number];
