import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { armScope } from '../cloud/CloudConfig';
import type { AzureConnection } from './AzureConnection';
import { tlsOptionsTrusting } from './sharedTls';

/**
 * Creates SDK clients on first use. Every `@azure/*` module is loaded with a dynamic `import()` here, so
 * activating the extension loads none of them (esbuild keeps them behind lazy initialisers).
 */
export class AzureClientFactory {
    /** One promise per client: per subscription, per vault (Key Vault's data plane) or per tenant (Resource Graph). */
    private readonly cached = new Map<string, Promise<unknown>>();

    constructor(readonly connection: AzureConnection) {}

    get cloud() {
        return this.connection.cloud;
    }

    /** Poll interval for long-running operations (`updateIntervalInMs` of create/update calls). */
    get lroPollIntervalMs(): number | undefined {
        return this.connection.options?.lroPollIntervalMs;
    }

    /** Options of a long-running call: the connection's poll interval, else the SDK's default. */
    get pollOptions(): { updateIntervalInMs?: number } {
        const interval = this.lroPollIntervalMs;
        return interval === undefined ? {} : { updateIntervalInMs: interval };
    }

    // The client types are inferred from the `import()` that loads them, so type and value come from one build of the package.
    containerRegistry(subscriptionId: string) {
        return this.arm('containerRegistry', subscriptionId, async () => (await import('@azure/arm-containerregistry')).ContainerRegistryManagementClient);
    }

    subscriptions() {
        return this.once('subscriptions', async () => {
            const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
            return new SubscriptionClient(this.connection.credential, this.armClientOptions());
        });
    }

    keyVaultManagement(subscriptionId: string) {
        return this.arm('keyVaultManagement', subscriptionId, async () => (await import('@azure/arm-keyvault')).KeyVaultManagementClient);
    }

    managedIdentities(subscriptionId: string) {
        return this.arm('msi', subscriptionId, async () => (await import('@azure/arm-msi')).ManagedServiceIdentityClient, 'classic');
    }

    authorization(subscriptionId: string) {
        return this.arm('authorization', subscriptionId, async () => (await import('@azure/arm-authorization')).AuthorizationManagementClient, 'classic');
    }

    resources(subscriptionId: string) {
        return this.arm('resources', subscriptionId, async () => (await import('@azure/arm-resources')).ResourceManagementClient);
    }

    /** Resource group deployments (`Microsoft.Resources/deployments`); @azure/arm-resources 8 no longer has them. */
    deployments(subscriptionId: string) {
        return this.arm('deployments', subscriptionId, async () => (await import('@azure/arm-resourcesdeployments')).DeploymentsClient);
    }

    /** Azure Resource Graph (tenant-level: the subscriptions go in each query). */
    resourceGraph() {
        return this.once('resourceGraph', async () => {
            const { ResourceGraphClient } = await import('@azure/arm-resourcegraph');
            return new ResourceGraphClient(this.connection.credential, this.armClientOptions());
        });
    }

    /** Azure Monitor (diagnostic settings of a resource). */
    monitor(subscriptionId: string) {
        return this.arm('monitor', subscriptionId, async () => (await import('@azure/arm-monitor')).MonitorClient);
    }

    /**
     * Log Analytics workspaces (Microsoft.OperationalInsights), through the package's tree-shakable `api` entry points:
     * its whole client would add about 140 KB to the bundle for the two calls used (the same operations, context and
     * pipeline as the client's).
     */
    operationalInsights(subscriptionId: string) {
        return this.once(`operationalInsights:${subscriptionId}`, async () => {
            const [{ createOperationalInsightsManagement }, workspaces] = await Promise.all([
                import('@azure/arm-operationalinsights/api'),
                import('@azure/arm-operationalinsights/api/workspaces'),
            ]);
            const context = createOperationalInsightsManagement(this.connection.credential, subscriptionId, this.armClientOptions());
            return {
                workspaces: {
                    list: () => workspaces.list(context),
                    get: (resourceGroup: string, name: string) => workspaces.get(context, resourceGroup, name),
                },
            };
        });
    }

    /** Key Vault data-plane client for one vault (`https://<vault>.<suffix>`), with the vault-scoped credential. */
    keys(vaultUrl: string) {
        const normalized = vaultUrl.replace(/\/+$/, '').toLowerCase();
        return this.once(`keys:${normalized}`, async () => {
            const { KeyClient } = await import('@azure/keyvault-keys');
            // Challenge resource verification stays on: the token audience must match the vault's own DNS suffix.
            return new KeyClient(normalized, this.connection.getVaultCredential(), transportOptions(this.connection));
        });
    }

    /** Starts creating the clients a create run uses (a key client's package too: the vault may not be known yet), one promise each. */
    preloadCreateClients(subscriptionId: string): Promise<unknown>[] {
        return [
            this.containerRegistry(subscriptionId),
            this.resources(subscriptionId),
            this.managedIdentities(subscriptionId),
            this.keyVaultManagement(subscriptionId),
            this.authorization(subscriptionId),
            import('@azure/keyvault-keys'),
        ];
    }

    /** The client kept under `key`, else the one `create` makes (kept per factory: a new sign-in gets new clients). */
    once<T>(key: string, create: () => Promise<T>): Promise<T> {
        let client = this.cached.get(key) as Promise<T> | undefined;
        if (!client) {
            client = create();
            this.cached.set(key, client);
        }
        return client;
    }

    /** A management-plane client of one subscription; `classic` (AutoRest v3) clients take their options another way. */
    private arm<C>(name: string, subscriptionId: string, load: () => Promise<ArmClientClass<C>>, kind?: 'classic'): Promise<C> {
        const options = () => (kind === 'classic' ? this.classicArmClientOptions() : this.armClientOptions());
        return this.once(`${name}:${subscriptionId}`, async () => new (await load())(this.connection.credential, subscriptionId, options()));
    }

    /** Classic (AutoRest v3) clients read `endpoint`/`baseUri` and `credentialScopes` instead of `credentials.scopes`. */
    private classicArmClientOptions() {
        const options = this.armClientOptions();
        return { ...options, baseUri: options.endpoint, credentialScopes: options.credentials.scopes };
    }

    /** Options shared by every management-plane client: endpoint, scope, CA, retry, timeout. */
    private armClientOptions() {
        const { cloud } = this.connection;
        return {
            endpoint: cloud.resourceManagerEndpoint.replace(/\/+$/, ''),
            credentials: { scopes: [armScope(cloud)] },
            ...transportOptions(this.connection),
        };
    }
}

/** How every `@azure/arm-*` client is constructed: credential, subscription id, options. */
type ArmClientClass<C> = new (credential: TokenCredential, subscriptionId: string, options: object) => C;

export type DeploymentsClient = Awaited<ReturnType<AzureClientFactory['deployments']>>;

/**
 * Transport options for any Azure SDK client (management or data plane) and for `@azure/identity` credentials.
 * The extra CA's `tlsOptions` is one shared object per certificate (see sharedTls.ts): every client then uses the
 * same keep-alive agent instead of one agent, and one parse of the system roots per TLS connection, per client.
 */
export function transportOptions(connection: Pick<AzureConnection, 'cloud' | 'options'>) {
    const { cloud, options } = connection;
    const retry = options?.retry;
    const timeoutMs = options?.timeoutMs;
    return {
        ...(cloud.caCertificate ? { tlsOptions: tlsOptionsTrusting(cloud.caCertificate) } : {}),
        ...(retry ? { retryOptions: { ...retry } } : {}),
        ...(timeoutMs ? { additionalPolicies: [{ policy: timeoutPolicy(timeoutMs), position: 'perRetry' as const }] } : {}),
    };
}

function timeoutPolicy(timeoutMs: number): PipelinePolicy {
    return {
        name: 'acrCmkRequestTimeout',
        // Runs per attempt, and turns the pipeline's abort on timeout into a RestError with a retriable code:
        // the SDK's retry policy only retries RestErrors, so a timed-out attempt is then retried like a dropped one.
        async sendRequest(request, next) {
            if (!request.timeout) {
                request.timeout = timeoutMs;
            }
            try {
                return await next(request);
            } catch (error) {
                if ((error as Error)?.name === 'AbortError' && !request.abortSignal?.aborted) {
                    throw Object.assign(new Error(`No response within ${request.timeout} ms from ${new URL(request.url).host}.`), {
                        name: 'RestError',
                        code: 'ETIMEDOUT',
                    });
                }
                throw error;
            }
        },
    };
}
