/** Everything the extension needs to know about one Azure cloud; no endpoint is assumed anywhere else. */
export interface CloudConfig {
    /** `AzureCloud`, `AzureChinaCloud`, `AzureUSGovernment` or `custom`. */
    readonly name: string;
    /** Resource Manager base URL, with a trailing slash: `https://management.azure.com/`. */
    readonly resourceManagerEndpoint: string;
    /** Resource Manager token audience, with a trailing slash; the ARM scope is audience + `.default`. */
    readonly resourceManagerAudience: string;
    /** Entra ID authority host, without tenant: `https://login.microsoftonline.com`. */
    readonly authorityHost: string;
    readonly tenantId?: string;
    /** Key Vault DNS suffix without a leading dot, possibly with a port: `vault.azure.net`. */
    readonly keyVaultDnsSuffix: string;
    /** ACR login server suffix without a leading dot: `azurecr.io`. */
    readonly acrLoginServerSuffix: string;
    /** Portal base URL without a trailing slash: `https://portal.azure.com`. */
    readonly portalUrl: string;
    /** Extra CA certificate (PEM) trusted for every request of this cloud. */
    readonly caCertificate?: string;
}

export function armScope(cloud: CloudConfig): string {
    return `${cloud.resourceManagerAudience}.default`;
}

/** The vault token audience is the DNS suffix itself (`https://vault.azure.net`), like the Azure CLI's keyvault resource. */
export function keyVaultScope(cloud: CloudConfig): string {
    return `https://${cloud.keyVaultDnsSuffix}/.default`;
}
