import * as vscode from 'vscode';
import type { DomainError, DomainErrorCode, DomainErrorParams } from '../domain/errors';
import { createStepTitle } from './createStepTitle';
import { identityDeletedText, identityMissingText, identityNotAssignedText, thenSentence } from './encryptionHealthText';
import { keyAccessChangeText } from './keyAccessText';
import { listText } from './listText';
import { rotationStepLabel, rotationStepList } from './rotationStepLabel';

// One localized sentence per domain error code, each reading its code's params (typed in DomainErrorParams);
// the mapped type makes a missing code a compile error.
type Messages = { readonly [C in DomainErrorCode]: (p: Readonly<DomainErrorParams[C]>) => string };

const messages: Messages = {
    KeyIdEmpty: () => vscode.l10n.t('Enter a key identifier, for example https://myvault.vault.azure.net/keys/mykey.'),
    KeyIdNotUrl: (p) => vscode.l10n.t('"{0}" is not a URL. A key identifier looks like https://<vault>.<vault suffix>/keys/<key>[/<version>].', p.keyId),
    KeyIdNotHttps: (p) => vscode.l10n.t('Key identifier "{0}" must use https.', p.keyId),
    KeyIdHasQueryOrFragment: (p) => vscode.l10n.t('Key identifier "{0}" must not contain a query or fragment.', p.keyId),
    KeyIdOtherCloud: (p) =>
        vscode.l10n.t({
            message: 'The key vault host "{0}" belongs to {1}, not to the configured cloud (vault suffix {2}). Check the "acrCmk.cloud" setting.',
            args: [p.host, p.cloud, p.expectedSuffix],
            comment: [
                '{0}: a host name, such as myvault.vault.azure.net',
                '{1}: a cloud name, such as AzureChinaCloud',
                '{2}: a key vault DNS suffix, such as vault.azure.net',
            ],
        }),
    KeyIdNotVaultHost: (p) =>
        vscode.l10n.t({
            message: '"{0}" is not a key vault host of the configured cloud (expected a name ending in .{1}).',
            args: [p.host, p.expectedSuffix],
            comment: ['{0}: a host name, such as myvault.vault.azure.net', '{1}: a key vault DNS suffix, such as vault.azure.net'],
        }),
    KeyIdInvalidVaultName: (p) => vscode.l10n.t('"{0}" is not a valid key vault name (3-24 letters, digits and hyphens, starting with a letter).', p.vaultName),
    KeyIdNotKeyPath: (p) => vscode.l10n.t('"{0}" is not a key identifier: the path must be /keys/<key> or /keys/<key>/<version>.', p.keyId),
    KeyIdMissingKeyName: (p) => vscode.l10n.t('Key identifier "{0}" has no key name.', p.keyId),
    KeyIdInvalidKeyName: (p) => vscode.l10n.t('"{0}" is not a valid key name (1-127 letters, digits and hyphens).', p.keyName),
    KeyIdInvalidVersion: (p) => vscode.l10n.t('"{0}" is not a valid key version (32 letters and digits).', p.version),
    ResourceIdInvalid: (p) => vscode.l10n.t('"{0}" is not an Azure resource ID.', p.id),
    CloudSettingInvalidUrl: (p) =>
        vscode.l10n.t({
            message: 'The setting "{0}" has the value "{1}", which is not a valid https URL. Fix it in Settings.',
            args: [p.setting, p.value],
            comment: ['{0}: a setting name, such as acrCmk.customCloud.resourceManagerEndpoint', "{1}: the setting's value as written"],
        }),
    CloudSettingMissing: (p) => vscode.l10n.t('The setting "{0}" is required when "acrCmk.cloud" is "custom".', p.setting),
    CloudUnknown: (p) => vscode.l10n.t('Unknown cloud "{0}" in "acrCmk.cloud". Use AzureCloud, AzureChinaCloud, AzureUSGovernment or custom.', p.cloud),
    CloudNotVSCodeAccountCloud: (p) =>
        vscode.l10n.t({
            message:
                '"acrCmk.cloud" is {0}, but the VS Code Microsoft account signs in to {1} (VS Code setting "microsoft-sovereign-cloud.environment"). Make that setting match and leave "acrCmk.cloud" empty, or use the "azureCli" or "environment" credential.',
            args: [p.cloud, p.accountCloud],
            comment: ['{0}: a cloud name, such as AzureChinaCloud', '{1}: a cloud name, such as AzureUSGovernment'],
        }),
    CaCertificateUnreadable: (p) =>
        vscode.l10n.t({
            message: 'Cannot read the CA certificate file "{0}" ({1}). Check "acrCmk.customCloud.caCertificatePath".',
            args: [p.path, p.reason],
            comment: ['{0}: a file path', "{1}: the system's reason, an error code or message (not translated)"],
        }),
    CaCertificateNotPem: (p) => vscode.l10n.t('The file "{0}" does not contain a PEM certificate. Check "acrCmk.customCloud.caCertificatePath".', p.path),
    EnvironmentCredentialMissing: (p) =>
        vscode.l10n.t(
            'The environment variable {0} is not set. The "environment" credential needs AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.',
            p.variable,
        ),
    RegistryNotFound: (p) =>
        vscode.l10n.t({
            message: 'The container registry "{0}" was not found in resource group "{1}". It may have been deleted; refresh the view.',
            args: [p.registry, p.resourceGroup],
            comment: ['{0}: a container registry name', '{1}: a resource group name'],
        }),
    VaultNotFound: (p) =>
        vscode.l10n.t({
            message: 'The key vault "{0}" was not found in resource group "{1}". It may have been deleted.',
            args: [p.vault, p.resourceGroup],
            comment: ['{0}: a key vault name', '{1}: a resource group name'],
        }),
    VaultNotFoundForKey: (p) =>
        vscode.l10n.t({
            message: 'No key vault named "{0}" (from key "{1}") was found in the selected subscriptions.',
            args: [p.vault, p.keyId],
            comment: ['{0}: a key vault name', '{1}: a key identifier (URL)'],
        }),
    CallerObjectIdUnavailable: () => vscode.l10n.t('Could not determine your object ID from the sign-in token. Sign in again.'),
    RegistryNameLength: (p) =>
        vscode.l10n.t({
            message: 'Registry name "{0}" has {1} characters; it must have 5 to 50.',
            args: [p.name, p.length],
            comment: ['{0}: the registry name as typed', '{1}: a number of characters'],
        }),
    RegistryNameCharacters: (p) => vscode.l10n.t('Registry name "{0}" may contain only letters a-z, A-Z and digits 0-9.', p.name),
    RegistryNameTaken: (p) =>
        vscode.l10n.t({
            message: 'The registry name "{0}" is not available: {1}',
            args: [p.name, p.reason],
            comment: ['{0}: the registry name as typed', "{1}: the system's reason, an error code or message (not translated)"],
        }),
    IdentityNameLength: (p) => vscode.l10n.t('Identity name "{0}" must have 3 to 128 characters.', p.name),
    IdentityNameCharacters: (p) =>
        vscode.l10n.t('Identity name "{0}" must start with a letter or digit and contain only letters, digits, hyphens and underscores.', p.name),
    VaultNameLength: (p) => vscode.l10n.t('Key vault name "{0}" must have 3 to 24 characters.', p.name),
    VaultNameCharacters: (p) => vscode.l10n.t('Key vault name "{0}" may contain only letters a-z, A-Z, digits 0-9 and hyphens.', p.name),
    VaultNameStart: (p) => vscode.l10n.t('Key vault name "{0}" must start with a letter.', p.name),
    VaultNameHyphens: (p) => vscode.l10n.t('Key vault name "{0}" must not end with a hyphen or contain two hyphens in a row.', p.name),
    VaultNameTaken: (p) =>
        vscode.l10n.t({
            message: 'The key vault name "{0}" is not available: {1}',
            args: [p.name, p.reason],
            comment: ['{0}: the key vault name as typed', "{1}: the system's reason, an error code or message (not translated)"],
        }),
    ResourceGroupNameLength: (p) => vscode.l10n.t('Resource group name "{0}" must have 1 to 90 characters.', p.name),
    ResourceGroupNameCharacters: (p) =>
        vscode.l10n.t('Resource group name "{0}" may contain only letters, digits, underscores, hyphens, periods and parentheses.', p.name),
    ResourceGroupNameEndsWithPeriod: (p) => vscode.l10n.t('Resource group name "{0}" must not end with a period.', p.name),
    KeyNameInvalid: (p) => vscode.l10n.t('Key name "{0}" must have 1 to 127 letters, digits and hyphens.', p.name),
    KeySizeInvalid: (p) => vscode.l10n.t('Key size {0} is not supported; choose 2048, 3072 or 4096 bits.', p.size),
    SoftDeleteRetentionInvalid: (p) => vscode.l10n.t('Soft-delete retention "{0}" must be a whole number of days from 7 to 90.', p.value),
    RegistrySkuNotPremium: (p) =>
        vscode.l10n.t(
            'A registry with SKU {0} cannot use a customer-managed key: encryption with a customer-managed key is available only in the Premium SKU.',
            p.sku,
        ),
    VaultPurgeProtectionDeclined: (p) =>
        vscode.l10n.t(
            'Key vault "{0}" does not have purge protection. A registry encrypted with a customer-managed key needs soft delete and purge protection on its key vault; enable purge protection or choose another vault.',
            p.vault,
        ),
    VaultFirewallBlocksUserIdentity: (p) =>
        vscode.l10n.t(
            'Key vault "{0}" has a firewall (default action Deny). A new registry reaches its key through a user-assigned identity, which the firewall never lets through: only a registry\'s system-assigned identity counts as a trusted Microsoft service. Choose another vault, or create the registry with a reachable vault, then rotate to this vault with the system-assigned identity (and allow trusted Microsoft services on it).',
            p.vault,
        ),
    HsmKeyNeedsPremiumVault: (p) => vscode.l10n.t('Key vault "{0}" is a Standard vault; HSM-protected keys (RSA-HSM) need a Premium vault.', p.vault),
    KeyNotFound: (p) =>
        vscode.l10n.t({
            message: 'Key "{0}" was not found in key vault "{1}".',
            args: [p.key, p.vault],
            comment: ['{0}: a key name', '{1}: a key vault name'],
        }),
    KeyDisabled: (p) => vscode.l10n.t('Key "{0}" is disabled or expired; a registry cannot use it.', p.keyId),
    CreateStepFailed: (p) =>
        vscode.l10n.t({
            message: 'Step "{0}" failed: {1} ({2})',
            args: [createStepTitle(p.step), p.message, p.code],
            comment: [
                '{0}: a step title, such as "Create key vault"',
                "{1}: Azure's error message (not translated)",
                "{2}: Azure's error code, such as KeyVaultNotFound",
            ],
        }),
    TemplateNotJson: (p) =>
        p.line && p.column
            ? vscode.l10n.t({
                  message: 'The file "{0}" is not valid JSON (line {1}, column {2}).',
                  args: [p.file, p.line, p.column],
                  comment: ['{0}: a file name', '{1}: a line number', '{2}: a column number'],
              })
            : vscode.l10n.t('The file "{0}" is not valid JSON.', p.file),
    TemplateNotArm: (p) => vscode.l10n.t('The file "{0}" is not an ARM template (it needs "$schema" and "resources").', p.file),
    DeploymentFailed: (p) =>
        vscode.l10n.t({
            message: 'Deployment "{0}" failed: {1} ({2})',
            args: [p.deployment, p.message, p.code],
            comment: ['{0}: a deployment name', "{1}: Azure's error message (not translated)", "{2}: Azure's error code, such as KeyVaultNotFound"],
        }),
    IdentityNameTaken: (p) =>
        vscode.l10n.t({
            message: 'A managed identity named "{0}" already exists in resource group "{1}". Pick it as an existing identity or choose another name.',
            args: [p.name, p.resourceGroup],
            comment: ['{0}: the managed identity name as typed', '{1}: a resource group name'],
        }),
    KeyNameTaken: (p) =>
        vscode.l10n.t({
            message: 'Key vault "{1}" already has a key named "{0}". Pick it as an existing key or choose another name.',
            args: [p.key, p.vault],
            comment: ['{0}: a key name', '{1}: a key vault name'],
        }),
    // Rotate key, system identity, automatic rotation, firewall flows
    RegistryNotCmk: (p) =>
        vscode.l10n.t(
            'Registry "{0}" is encrypted with a service-managed key, so it has no customer-managed key to rotate, revoke, restore or diagnose. Customer-managed keys can only be set when a registry is created.',
            p.registry,
        ),
    PlanStale: (p) =>
        p.by
            ? vscode.l10n.t({
                  message:
                      'Registry "{0}" changed since you confirmed the plan: it used {1}, now it uses {2} (changed by {3} at {4}). Nothing more was changed; run the command again to plan with what is there now.',
                  args: [p.registry, p.planned, p.found, p.by, p.at],
                  comment: [
                      '{0}: a container registry name',
                      '{1}: a key identifier with the identity in parentheses: what the plan relied on',
                      '{2}: a key identifier with the identity in parentheses: what the registry uses now',
                      '{3}: the user or application that made the change',
                      '{4}: a date and time (ISO 8601)',
                  ],
              })
            : vscode.l10n.t({
                  message:
                      'Registry "{0}" changed since you confirmed the plan: it used {1}, now it uses {2}. Nothing more was changed; run the command again to plan with what is there now.',
                  args: [p.registry, p.planned, p.found],
                  comment: [
                      '{0}: a container registry name',
                      '{1}: a key identifier with the identity in parentheses: what the plan relied on',
                      '{2}: a key identifier with the identity in parentheses: what the registry uses now',
                  ],
              }),
    CleanUpAfterSwitch: (p) =>
        vscode.l10n.t('Registry "{0}" already uses its new key: there is nothing to clean up. Resume finishes the remaining changes.', p.registry),
    PlanStaleKey: (p) =>
        vscode.l10n.t({
            message:
                'Key "{0}" of key vault "{1}" is {2} now, though it was usable when you confirmed the plan: registry "{3}" was not switched to it. Nothing more was changed; check the key, then run the command again.',
            args: [p.key, p.vault, keyStateWord(p.state), p.registry],
            comment: ['{0}: a key name', '{1}: a key vault name', '{2}: a key state, such as "disabled" or "expired"', '{3}: a container registry name'],
        }),
    PlanStaleAccess: (p) =>
        vscode.l10n.t({
            message:
                'Identity "{0}" no longer has access to key vault "{1}" (it had when you confirmed the plan; someone removed it since): registry "{2}" was not switched. Nothing more was changed; run the command again to plan the grant.',
            args: [p.identity, p.vault, p.registry],
            comment: ['{0}: a managed identity name, or "system"', '{1}: a key vault name', '{2}: a container registry name'],
        }),
    SubscriptionNotSelected: (p) =>
        vscode.l10n.t({
            message:
                'The subscription {0} of registry "{1}" is not among the subscriptions you are signed in to or have selected. Sign in with the account that ran the operation, or select the subscription, and try again.',
            args: [p.subscription, p.registry],
            comment: ['{0}: a subscription ID', '{1}: a container registry name'],
        }),
    VaultHasNoKeys: (p) => vscode.l10n.t('Key vault {0} has no keys.', p.vault),
    SubscriptionHasNoVaults: (p) => vscode.l10n.t('Subscription "{0}" has no key vaults.', p.subscription),
    SubscriptionNotAvailable: (p) => vscode.l10n.t('Subscription {0} is not available with the current account and subscription filter.', p.subscription),
    SubscriptionHasNoRegistries: (p) => vscode.l10n.t('Subscription "{0}" has no container registries.', p.subscription),
    SubscriptionHasNoCmkRegistries: (p) => vscode.l10n.t('No registry in subscription "{0}" uses a customer-managed key.', p.subscription),
    RegistryNotVisible: (p) => vscode.l10n.t('No container registry with ID {0} is visible with the current account and subscription filter.', p.id),
    NoSubscriptions: () => vscode.l10n.t('No Azure subscriptions are available. Sign in or select subscriptions first.'),
    RegistryHasNoKeyIdentifier: (p) => vscode.l10n.t('Registry "{0}" is encrypted with a service-managed key; it has no key identifier.', p.registry),
    RegistryHasNoVersionedKeyId: (p) => vscode.l10n.t('Registry "{0}" does not report a versioned key identifier yet. Refresh it and try again.', p.registry),
    RegistryHasNoEncryptionIdentity: (p) => vscode.l10n.t('Registry "{0}" has no encryption identity: it does not use a customer-managed key.', p.registry),
    RotationNoChange: (p) => vscode.l10n.t('Registry "{0}" already uses this key and identity; nothing to change.', p.registry),
    EncryptionIdentityRemoved: (p) =>
        thenSentence(
            identityNotAssignedText(p.clientId),
            vscode.l10n.t({
                message:
                    'Azure then fails key updates of registry "{0}" with "does not have access to identity". Re-assign the identity first, or choose another identity.',
                args: [p.registry],
                comment: ['{0}: a container registry name'],
            }),
        ),
    EncryptionIdentityMissing: (p) =>
        thenSentence(
            identityMissingText(),
            vscode.l10n.t({
                message: 'Choose a user-assigned managed identity or the system-assigned identity for registry "{0}".',
                args: [p.registry],
                comment: ['{0}: a container registry name'],
            }),
        ),
    EncryptionIdentityDeleted: (p) =>
        thenSentence(
            identityDeletedText(p.clientId),
            vscode.l10n.t({
                message: 'It cannot be re-assigned to registry "{0}": choose another user-assigned managed identity or the system-assigned identity.',
                args: [p.registry],
                comment: ['{0}: a container registry name'],
            }),
        ),
    UserIdentityNotFound: (p) => vscode.l10n.t('The user-assigned managed identity "{0}" was not found.', p.identity),
    FirewallNeedsSystemIdentity: (p) =>
        vscode.l10n.t({
            message:
                'Key vault "{0}" has a firewall (default action Deny). Only the registry\'s system-assigned identity can pass it, as a trusted Microsoft service: use the system-assigned identity for registry "{1}".',
            args: [p.vault, p.registry],
            comment: ['{0}: a key vault name', '{1}: a container registry name'],
        }),
    FirewallNeedsTrustedServices: (p) =>
        vscode.l10n.t(
            'Key vault "{0}" has a firewall that does not allow trusted Microsoft services. The registry cannot reach its key until "Allow trusted Microsoft services to bypass this firewall" is turned on.',
            p.vault,
        ),
    KeyTypeNotSupported: (p) =>
        vscode.l10n.t({
            message: 'Key "{0}" is of type {1}. Azure Container Registry supports only RSA and RSA-HSM keys.',
            args: [p.keyId, p.keyType],
            comment: ['{0}: a key identifier (URL)', '{1}: a key type, such as EC'],
        }),
    RotationChangeDeclined: (p) =>
        vscode.l10n.t({
            message: 'Registry "{0}" was not changed: the rotation needs to {1}, which was declined.',
            args: [p.registry, rotationStepLabel(p.step)],
            comment: ['{0}: a container registry name', '{1}: a rotation step as a verb phrase, such as "enable the system-assigned identity"'],
        }),
    SystemIdentityNotEnabled: (p) => vscode.l10n.t('Registry "{0}" reports no system-assigned identity after enabling it. Refresh and try again.', p.registry),
    RotationStepFailed: (p) =>
        vscode.l10n.t({
            message:
                'Could not {0}: {1} Registry "{2}" was not switched: it still uses key {3} with identity {4}. Already done: {5}. Fix the cause and run the command again; it continues from there.',
            args: [rotationStepLabel(p.step), p.cause, p.registry, p.keptKey, p.keptIdentity, rotationStepList(p.completed)],
            comment: [
                '{0}: a rotation step as a verb phrase, such as "create a new key version"',
                "{1}: the cause: Azure's error message, a full sentence (not translated)",
                '{2}: a container registry name',
                '{3}: a key identifier (URL)',
                '{4}: a managed identity name, or "system"',
                '{5}: a list of rotation steps, or "nothing"',
            ],
        }),
    RotationStepFailedStateUnknown: (p) =>
        vscode.l10n.t({
            message:
                'Could not {0}: {1} The state of registry "{2}" could not be read afterwards ({3}); refresh it and check its encryption before trying again. Already done: {4}.',
            args: [rotationStepLabel(p.step), p.cause, p.registry, p.readError, rotationStepList(p.completed)],
            comment: [
                '{0}: a rotation step as a verb phrase, such as "create a new key version"',
                "{1}: the cause: Azure's error message, a full sentence (not translated)",
                '{2}: a container registry name',
                '{3}: an error message (not translated)',
                '{4}: a list of rotation steps, or "nothing"',
            ],
        }),
    RotationFollowUpFailed: (p) =>
        vscode.l10n.t({
            message: 'Registry "{0}" now uses key {1} with identity {2}, but the follow-up step failed: could not {3}: {4} Run that step again.',
            args: [p.registry, p.newKey, p.newIdentity, rotationStepLabel(p.step), p.cause],
            comment: [
                '{0}: a container registry name',
                '{1}: a key identifier (URL)',
                '{2}: a managed identity name, or "system"',
                '{3}: a rotation step as a verb phrase, such as "create a new key version"',
                "{4}: the cause: Azure's error message, a full sentence (not translated)",
            ],
        }),
    RotationIntervalInvalid: (p) => vscode.l10n.t('"{0}" is not a valid rotation interval: enter a whole number of days from 7 to 3650.', p.days),
    NotifyBeforeExpiryInvalid: (p) =>
        vscode.l10n.t({
            message: '"{0}" is not a valid notice period: enter a whole number of days from 7 to {1}.',
            args: [p.days, p.maxDays],
            comment: ['{0}: the number of days as typed', '{1}: a number of days'],
        }),
    // Revoke, restore and diagnose key access
    RevokeNothingToRemove: (p) =>
        vscode.l10n.t({
            message:
                'Nothing to revoke for registry "{0}": its identity holds no get/wrapKey/unwrapKey permissions or encryption role on key vault "{1}", and the key is not enabled where it would be disabled.',
            args: [p.registry, p.vault],
            comment: ['{0}: a container registry name', '{1}: a key vault name'],
        }),
    RevokeGrantOutsideVault: (p) =>
        vscode.l10n.t({
            message:
                'The identity of registry "{0}" reaches key vault "{1}" through a grant this extension does not remove (a role assigned above the vault, or the "all" key permission). Remove that grant in the Azure portal, or disable the key instead.',
            args: [p.registry, p.vault],
            comment: ['{0}: a container registry name', '{1}: a key vault name'],
        }),
    RevokeConfirmationMismatch: (p) =>
        vscode.l10n.t({
            message: '"{0}" does not match the registry name "{1}". Nothing was revoked.',
            args: [p.typed, p.registry],
            comment: ['{0}: the text the user typed', '{1}: a container registry name'],
        }),
    RevokeStepFailed: (p) =>
        vscode.l10n.t({
            message: 'Revoking key access of registry "{0}" failed: {1} Already revoked (and remembered for Restore): {2}.',
            args: [p.registry, p.cause, listText(p.done.map(keyAccessChangeText))],
            comment: [
                '{0}: a container registry name',
                "{1}: the cause: Azure's error message, a full sentence (not translated)",
                '{2}: a list of what was done, or "nothing"',
            ],
        }),
    RestoreStepFailed: (p) =>
        vscode.l10n.t({
            message: 'Restoring key access of registry "{0}" failed: {1} Already restored: {2}. Fix the cause and run Restore again; it continues from there.',
            args: [p.registry, p.cause, listText(p.done.map(keyAccessChangeText))],
            comment: [
                '{0}: a container registry name',
                "{1}: the cause: Azure's error message, a full sentence (not translated)",
                '{2}: a list of what was done, or "nothing"',
            ],
        }),
    EncryptionPrincipalUnknown: (p) =>
        vscode.l10n.t(
            'The identity registry "{0}" uses for encryption cannot be resolved to a principal ID, so its key vault access cannot be changed. Run Diagnose Key Access for the cause.',
            p.registry,
        ),
    VaultSoftDeleted: (p) =>
        vscode.l10n.t({
            message:
                'Key vault "{0}" was deleted and is in the soft-deleted state (location {1}, purged on {2}). Recover it first: in the Azure portal open Key vaults > Manage deleted vaults, or run "az keyvault recover --name {0} --subscription {3}". Then run this command again.',
            args: [p.vault, p.location, p.purgeDate, p.subscriptionId],
            comment: ['{0}: a key vault name', '{1}: an Azure region, such as eastus', '{2}: a date (YYYY-MM-DD)', '{3}: a subscription ID'],
        }),
    KeyPurged: (p) =>
        vscode.l10n.t({
            message:
                'Key "{0}" no longer exists in key vault "{1}", not even as a deleted key: it was purged and cannot be recovered. The registry\'s data cannot be decrypted without it.',
            args: [p.key, p.vault],
            comment: ['{0}: a key name', '{1}: a key vault name'],
        }),
    NoKeysInUse: () => vscode.l10n.t('No registry in the selected subscriptions uses a customer-managed key.'),
    FleetRotationNothingToDo: (p) =>
        vscode.l10n.t({
            message: 'Nothing to rotate: every registry using key "{0}" already uses the target, or was left out ({1}).',
            args: [p.key, p.refused],
            comment: ['{0}: a key name', '{1}: a number of registries'],
        }),
    AuditWorkspaceNotFound: (p) =>
        vscode.l10n.t('The Log Analytics workspace "{0}" no longer exists. Nothing was changed; pick another workspace.', p.workspace),
    AuditSettingFailed: (p) =>
        vscode.l10n.t({
            message: 'Could not send the audit logs of key vault "{0}" to Log Analytics workspace "{1}": {2} Nothing was changed.',
            args: [p.vault, p.workspace, p.cause],
            comment: [
                '{0}: a key vault name',
                '{1}: a Log Analytics workspace name',
                "{2}: the cause: Azure's error message, a full sentence (not translated)",
            ],
        }),
    AuditNoWorkspaces: (p) =>
        vscode.l10n.t(
            'Subscription "{0}" has no Log Analytics workspace. Create one in the Azure portal (Log Analytics workspaces > Create), then run this command again.',
            p.subscription,
        ),
    ChangeNotPermitted: (p) =>
        p.kind === 'resourceGroup'
            ? vscode.l10n.t({
                  message:
                      'Your account may not create a registry in resource group "{0}": its roles there do not include the permission "{1}". Nothing was created. Choose a resource group where you are a Contributor or Owner, or ask for such a role, then run the command again.',
                  args: [p.name, p.action],
                  comment: ['{0}: a resource group name', '{1}: an Azure permission, such as Microsoft.ContainerRegistry/registries/write'],
              })
            : p.kind === 'vault'
              ? vscode.l10n.t({
                    message:
                        'Your account may not change the access to key vault "{0}": its roles there do not include the permission "{1}". Nothing was changed. Ask an Owner of the key vault, its resource group or subscription for a role that does (such as Key Vault Contributor for access policies, or User Access Administrator for role assignments), then run the command again.',
                    args: [p.name, p.action],
                    comment: ['{0}: a key vault name', '{1}: an Azure permission, such as Microsoft.ContainerRegistry/registries/write'],
                })
              : vscode.l10n.t({
                    message:
                        'Your account may not change registry "{0}": its roles there do not include the permission "{1}". Nothing was changed. Ask an Owner of the registry, its resource group or subscription for a role that does (such as Contributor), then run the command again.',
                    args: [p.name, p.action],
                    comment: ['{0}: a container registry name', '{1}: an Azure permission, such as Microsoft.ContainerRegistry/registries/write'],
                }),
    CheckBeforeChangeFailed: (p) =>
        vscode.l10n.t('The check before any change failed: {0} Nothing was changed; fix the cause and run the command again.', p.cause),
    // Connection problems
    ServerCertificateUntrusted: (p) =>
        vscode.l10n.t({
            message:
                'The server {0} presented a certificate that is not trusted ({1}). If this cloud uses a private certificate authority, set "acrCmk.customCloud.caCertificatePath" to that authority\'s PEM file.',
            args: [p.host, p.reason],
            comment: ['{0}: a server host name, such as management.azure.com', "{1}: the system's reason, an error code or message (not translated)"],
        }),
    AuthorityEndpointsUnreachable: (p) =>
        vscode.l10n.t(
            'Could not read the sign-in endpoints of the authority ({0}): the authority host is unreachable or its certificate is not trusted. Check "acrCmk.customCloud.authorityHost" and, for a private certificate authority, "acrCmk.customCloud.caCertificatePath".',
            p.reason,
        ),
};

export function domainErrorMessage<C extends DomainErrorCode>(error: DomainError<C>): string {
    const message: (p: Readonly<DomainErrorParams[C]>) => string = messages[error.code];
    return message(error.params);
}

function keyStateWord(state: DomainErrorParams['PlanStaleKey']['state']): string {
    switch (state) {
        case 'disabled':
            return vscode.l10n.t('disabled');
        case 'expired':
            return vscode.l10n.t('expired');
        case 'softDeleted':
            return vscode.l10n.t('deleted (recoverable)');
        case 'missing':
            return vscode.l10n.t('gone');
    }
}
