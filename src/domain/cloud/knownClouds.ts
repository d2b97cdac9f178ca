import { DomainError } from '../errors';
import type { CloudConfig } from './CloudConfig';

// Documented endpoint sets (`az cloud show`, Azure China / Azure Government developer guides).
export const azureCloud: CloudConfig = {
    name: 'AzureCloud',
    resourceManagerEndpoint: 'https://management.azure.com/',
    resourceManagerAudience: 'https://management.core.windows.net/',
    authorityHost: 'https://login.microsoftonline.com',
    keyVaultDnsSuffix: 'vault.azure.net',
    acrLoginServerSuffix: 'azurecr.io',
    portalUrl: 'https://portal.azure.com',
};

export const azureChinaCloud: CloudConfig = {
    name: 'AzureChinaCloud',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn/',
    resourceManagerAudience: 'https://management.core.chinacloudapi.cn/',
    authorityHost: 'https://login.chinacloudapi.cn',
    keyVaultDnsSuffix: 'vault.azure.cn',
    acrLoginServerSuffix: 'azurecr.cn',
    portalUrl: 'https://portal.azure.cn',
};

export const azureUSGovernment: CloudConfig = {
    name: 'AzureUSGovernment',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net/',
    resourceManagerAudience: 'https://management.core.usgovcloudapi.net/',
    authorityHost: 'https://login.microsoftonline.us',
    keyVaultDnsSuffix: 'vault.usgovcloudapi.net',
    acrLoginServerSuffix: 'azurecr.us',
    portalUrl: 'https://portal.azure.us',
};

export const knownClouds: readonly CloudConfig[] = [azureCloud, azureChinaCloud, azureUSGovernment];

export type KnownCloudName = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';

export function findKnownCloud(name: string): CloudConfig | undefined {
    return knownClouds.find((cloud) => cloud.name.toLowerCase() === name.toLowerCase());
}

/**
 * The VS Code Microsoft account (vscode-azext-azureauth) signs in to the cloud of `microsoft-sovereign-cloud.environment`
 * only: with that credential, an `acrCmk.cloud` naming another cloud would send that cloud's requests with the wrong
 * cloud's tokens. Returns the refusal to throw, or undefined when the two agree.
 */
export function vscodeAccountCloudMismatch(cloudName: string, sovereignEnvironment: string | undefined): DomainError<'CloudNotVSCodeAccountCloud'> | undefined {
    const accountCloud = cloudNameFromSovereignSetting(sovereignEnvironment);
    return accountCloud.toLowerCase() === cloudName.toLowerCase()
        ? undefined
        : new DomainError('CloudNotVSCodeAccountCloud', { cloud: cloudName, accountCloud });
}

/** VS Code's `microsoft-sovereign-cloud.environment` values → our cloud names. */
const sovereignClouds = new Map<string, KnownCloudName | 'custom'>([
    ['chinacloud', 'AzureChinaCloud'],
    ['usgovernment', 'AzureUSGovernment'],
    ['custom', 'custom'],
]);

/** Our name of the cloud of a `microsoft-sovereign-cloud.environment` value (an empty or unknown one is the public cloud). */
export function cloudNameFromSovereignSetting(environment: string | undefined): KnownCloudName | 'custom' {
    return sovereignClouds.get((environment ?? '').toLowerCase()) ?? 'AzureCloud';
}
