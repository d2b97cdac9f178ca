// The shared access layer: vaults, encryption access for identities, key-management rights for the caller.
export { toVaultInfo, isFirewalled, allowsTrustedServices, type VaultInfo } from './VaultInfo';
export { getVault, findVaultForKeyId, listVaults, vaultResourceId } from './getVault';
export { hasEncryptionAccess, grantEncryptionAccess, grantKeyManagement, removeGrant } from './encryptionAccess';
export { callerObjectId } from './callerObjectId';
export type { GrantRecord } from './GrantRecord';
export { cryptoServiceEncryptionUserRoleId, cryptoOfficerRoleId, encryptionKeyPermissions, keyManagementKeyPermissions } from './roles';
