import type { TokenCredential } from '@azure/core-auth';
import { AzureClientFactory, transportOptions } from '../domain/clients/AzureClientFactory';
import type { ClientOptions } from '../domain/clients/ClientOptions';
import type { CloudConfig } from '../domain/cloud/CloudConfig';
import { DomainError } from '../domain/errors';
import { listSubscriptions } from '../domain/subscriptions/listSubscriptions';
import type { SubscriptionSource, SubscriptionTarget } from './SubscriptionSource';

/**
 * Headless credentials from `@azure/identity`: the Azure CLI's login, or a service principal from the
 * environment. Both return tokens for any scope, so the same credential serves ARM and Key Vault.
 */
export async function createIdentitySubscriptionSource(
    kind: 'azureCli' | 'environment',
    cloud: CloudConfig,
    options?: ClientOptions,
    env: NodeJS.ProcessEnv = process.env,
): Promise<SubscriptionSource> {
    const credential = kind === 'azureCli' ? await createAzureCliCredential(cloud) : await createEnvironmentCredential(cloud, options, env);
    const factory = new AzureClientFactory({ cloud, credential, getVaultCredential: () => credential, options });
    return {
        kind,
        cloud,
        // These credentials have no interactive sign-in: "signed in" is decided by the first request's outcome.
        isSignedIn: () => Promise.resolve(true),
        signIn: () => Promise.resolve(true),
        listAllSubscriptions: async (): Promise<SubscriptionTarget[]> =>
            (await listSubscriptions(factory)).map((subscription) => ({ ...subscription, factory })),
    };
}

async function createAzureCliCredential(cloud: CloudConfig): Promise<TokenCredential> {
    const { AzureCliCredential } = await import('@azure/identity');
    return new AzureCliCredential(cloud.tenantId ? { tenantId: cloud.tenantId } : {});
}

export function readEnvironmentServicePrincipal(env: NodeJS.ProcessEnv = process.env): { tenantId: string; clientId: string; clientSecret: string } {
    const read = (variable: string): string => {
        const value = env[variable]?.trim();
        if (!value) {
            throw new DomainError('EnvironmentCredentialMissing', { variable });
        }
        return value;
    };
    return { tenantId: read('AZURE_TENANT_ID'), clientId: read('AZURE_CLIENT_ID'), clientSecret: read('AZURE_CLIENT_SECRET') };
}

async function createEnvironmentCredential(cloud: CloudConfig, options: ClientOptions | undefined, env: NodeJS.ProcessEnv): Promise<TokenCredential> {
    const principal = readEnvironmentServicePrincipal(env);
    const { ClientSecretCredential } = await import('@azure/identity');
    return new ClientSecretCredential(principal.tenantId, principal.clientId, principal.clientSecret, {
        authorityHost: cloud.authorityHost,
        // Instance discovery asks login.microsoftonline.com about the authority: wrong for any custom cloud.
        disableInstanceDiscovery: cloud.name === 'custom',
        ...transportOptions({ cloud, options }),
    });
}
