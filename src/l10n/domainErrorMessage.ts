import * as vscode from 'vscode';
import type { DomainError, DomainErrorCode } from '../domain/errors';

type Params = Readonly<Record<string, string>>;

// One localized sentence per domain error code; `Record` makes a missing code a compile error.
const messages: Record<DomainErrorCode, (p: Params) => string> = {
    KeyIdEmpty: () => vscode.l10n.t('Enter a key identifier, for example https://myvault.vault.azure.net/keys/mykey.'),
    KeyIdNotUrl: (p) => vscode.l10n.t('"{0}" is not a URL. A key identifier looks like https://<vault>.<vault suffix>/keys/<key>[/<version>].', p.keyId ?? ''),
    KeyIdNotHttps: (p) => vscode.l10n.t('Key identifier "{0}" must use https.', p.keyId ?? ''),
    KeyIdHasQueryOrFragment: (p) => vscode.l10n.t('Key identifier "{0}" must not contain a query or fragment.', p.keyId ?? ''),
    KeyIdOtherCloud: (p) => vscode.l10n.t('The key vault host "{0}" belongs to {1}, not to the configured cloud (vault suffix {2}). Check the "acrCmk.cloud" setting.', p.host ?? '', p.cloud ?? '', p.expectedSuffix ?? ''),
    KeyIdNotVaultHost: (p) => vscode.l10n.t('"{0}" is not a key vault host of the configured cloud (expected a name ending in .{1}).', p.host ?? '', p.expectedSuffix ?? ''),
    KeyIdInvalidVaultName: (p) => vscode.l10n.t('"{0}" is not a valid key vault name (3-24 letters, digits and hyphens, starting with a letter).', p.vaultName ?? ''),
    KeyIdNotKeyPath: (p) => vscode.l10n.t('"{0}" is not a key identifier: the path must be /keys/<key> or /keys/<key>/<version>.', p.keyId ?? ''),
    KeyIdMissingKeyName: (p) => vscode.l10n.t('Key identifier "{0}" has no key name.', p.keyId ?? ''),
    KeyIdInvalidKeyName: (p) => vscode.l10n.t('"{0}" is not a valid key name (1-127 letters, digits and hyphens).', p.keyName ?? ''),
    KeyIdInvalidVersion: (p) => vscode.l10n.t('"{0}" is not a valid key version (32 letters and digits).', p.version ?? ''),
    ResourceIdInvalid: (p) => vscode.l10n.t('"{0}" is not an Azure resource ID.', p.id ?? ''),
    CloudSettingInvalidUrl: (p) => vscode.l10n.t('The setting "{0}" has the value "{1}", which is not a valid https URL. Fix it in Settings.', p.setting ?? '', p.value ?? ''),
    CloudSettingMissing: (p) => vscode.l10n.t('The setting "{0}" is required when "acrCmk.cloud" is "custom".', p.setting ?? ''),
    CloudUnknown: (p) => vscode.l10n.t('Unknown cloud "{0}" in "acrCmk.cloud". Use AzureCloud, AzureChinaCloud, AzureUSGovernment or custom.', p.cloud ?? ''),
    CaCertificateUnreadable: (p) => vscode.l10n.t('Cannot read the CA certificate file "{0}" ({1}). Check "acrCmk.customCloud.caCertificatePath".', p.path ?? '', p.reason ?? ''),
    CaCertificateNotPem: (p) => vscode.l10n.t('The file "{0}" does not contain a PEM certificate. Check "acrCmk.customCloud.caCertificatePath".', p.path ?? ''),
    EnvironmentCredentialMissing: (p) => vscode.l10n.t('The environment variable {0} is not set. The "environment" credential needs AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.', p.variable ?? ''),
    RegistryNotFound: (p) => vscode.l10n.t('The container registry "{0}" was not found in resource group "{1}". It may have been deleted; refresh the view.', p.registry ?? '', p.resourceGroup ?? ''),
};

export function domainErrorMessage(error: DomainError): string {
    return messages[error.code](error.params);
}

export const localizedDomainErrorCodes = Object.keys(messages) as DomainErrorCode[];
