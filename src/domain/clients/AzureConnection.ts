import type { TokenCredential } from '@azure/core-auth';
import type { CloudConfig } from '../cloud/CloudConfig';
import type { ClientOptions } from './ClientOptions';

/** What the domain needs to talk to Azure for one principal: a cloud, an ARM credential and a vault-scoped credential. */
export interface AzureConnection {
    readonly cloud: CloudConfig;
    /** Credential for Resource Manager (scope = audience + `.default`). */
    readonly credential: TokenCredential;
    /** Credential for the Key Vault data plane. Some credentials (VS Code's) only ever return ARM tokens, hence a separate getter. */
    getVaultCredential(): TokenCredential;
    readonly options?: ClientOptions;
}
