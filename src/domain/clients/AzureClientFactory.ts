import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { armScope } from '../cloud/CloudConfig';
import type { AzureConnection } from './AzureConnection';
import { tlsOptionsTrusting } from './sharedTls';

/**
 * Creates SDK clients on first use. Every `@azure/*` module is loaded with a dynamic `import()` here, so
 * activating the extension loads none of them (esbuild keeps them behind lazy initialisers).
 */
export class AzureClientFactory {
    private readonly registryClients = new Map<string, ReturnType<AzureClientFactory['createRegistryClient']>>();
    private subscriptionClient?: ReturnType<AzureClientFactory['createSubscriptionClient']>;
    /** Per-subscription (or per-vault) caches of the clients the create/rotate/access flows use. */
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

    containerRegistry(subscriptionId: string): ReturnType<AzureClientFactory['createRegistryClient']> {
        let client = this.registryClients.get(subscriptionId);
        if (!client) {
            client = this.createRegistryClient(subscriptionId);
            this.registryClients.set(subscriptionId, client);
        }
        return client;
    }

    subscriptions(): ReturnType<AzureClientFactory['createSubscriptionClient']> {
        this.subscriptionClient ??= this.createSubscriptionClient();
        return this.subscriptionClient;
    }

    keyVaultManagement(subscriptionId: string): ReturnType<AzureClientFactory['createKeyVaultManagementClient']> {
        return this.once(`keyVaultManagement:${subscriptionId}`, () => this.createKeyVaultManagementClient(subscriptionId));
    }

    managedIdentities(subscriptionId: string): ReturnType<AzureClientFactory['createManagedIdentityClient']> {
        return this.once(`msi:${subscriptionId}`, () => this.createManagedIdentityClient(subscriptionId));
    }

    authorization(subscriptionId: string): ReturnType<AzureClientFactory['createAuthorizationClient']> {
        return this.once(`authorization:${subscriptionId}`, () => this.createAuthorizationClient(subscriptionId));
    }

    resources(subscriptionId: string): ReturnType<AzureClientFactory['createResourcesClient']> {
        return this.once(`resources:${subscriptionId}`, () => this.createResourcesClient(subscriptionId));
    }

    /** Resource group deployments (`Microsoft.Resources/deployments`); @azure/arm-resources 8 no longer has them. */
    deployments(subscriptionId: string): ReturnType<AzureClientFactory['createDeploymentsClient']> {
        return this.once(`deployments:${subscriptionId}`, () => this.createDeploymentsClient(subscriptionId));
    }

    /** Azure Resource Graph (tenant-level: the subscriptions go in each query). */
    resourceGraph(): ReturnType<AzureClientFactory['createResourceGraphClient']> {
        return this.once('resourceGraph', () => this.createResourceGraphClient());
    }

    /** Azure Monitor (diagnostic settings of a resource). */
    monitor(subscriptionId: string): ReturnType<AzureClientFactory['createMonitorClient']> {
        return this.once(`monitor:${subscriptionId}`, () => this.createMonitorClient(subscriptionId));
    }

    /** Log Analytics workspaces (Microsoft.OperationalInsights). */
    operationalInsights(subscriptionId: string): ReturnType<AzureClientFactory['createOperationalInsightsClient']> {
        return this.once(`operationalInsights:${subscriptionId}`, () => this.createOperationalInsightsClient(subscriptionId));
    }

    /** Key Vault data-plane client for one vault (`https://<vault>.<suffix>`), with the vault-scoped credential. */
    keys(vaultUrl: string): ReturnType<AzureClientFactory['createKeyClient']> {
        const normalized = vaultUrl.replace(/\/+$/, '').toLowerCase();
        return this.once(`keys:${normalized}`, () => this.createKeyClient(normalized));
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

    private once<T>(key: string, create: () => Promise<T>): Promise<T> {
        let client = this.cached.get(key) as Promise<T> | undefined;
        if (!client) {
            client = create();
            this.cached.set(key, client);
        }
        return client;
    }

    // The client types are inferred from the `import()` that loads them, so type and value come from one build of the package.
    private async createRegistryClient(subscriptionId: string) {
        const { ContainerRegistryManagementClient } = await import('@azure/arm-containerregistry');
        return new ContainerRegistryManagementClient(this.connection.credential, subscriptionId, this.armClientOptions());
    }

    private async createSubscriptionClient() {
        const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
        return new SubscriptionClient(this.connection.credential, this.armClientOptions());
    }

    private async createKeyVaultManagementClient(subscriptionId: string) {
        const { KeyVaultManagementClient } = await import('@azure/arm-keyvault');
        return new KeyVaultManagementClient(this.connection.credential, subscriptionId, this.armClientOptions());
    }

    private async createManagedIdentityClient(subscriptionId: string) {
        const { ManagedServiceIdentityClient } = await import('@azure/arm-msi');
        return new ManagedServiceIdentityClient(this.connection.credential, subscriptionId, this.classicArmClientOptions());
    }

    private async createAuthorizationClient(subscriptionId: string) {
        const { AuthorizationManagementClient } = await import('@azure/arm-authorization');
        return new AuthorizationManagementClient(this.connection.credential, subscriptionId, this.classicArmClientOptions());
    }

    private async createResourcesClient(subscriptionId: string) {
        const { ResourceManagementClient } = await import('@azure/arm-resources');
        return new ResourceManagementClient(this.connection.credential, subscriptionId, this.armClientOptions());
    }

    private async createDeploymentsClient(subscriptionId: string) {
        const { DeploymentsClient } = await import('@azure/arm-resourcesdeployments');
        return new DeploymentsClient(this.connection.credential, subscriptionId, this.armClientOptions());
    }

    private async createResourceGraphClient() {
        const { ResourceGraphClient } = await import('@azure/arm-resourcegraph');
        return new ResourceGraphClient(this.connection.credential, this.armClientOptions());
    }

    private async createMonitorClient(subscriptionId: string) {
        const { MonitorClient } = await import('@azure/arm-monitor');
        return new MonitorClient(this.connection.credential, subscriptionId, this.armClientOptions());
    }

    /**
     * Workspaces only, through the package's tree-shakable `api` entry points: its whole client would add about 140 KB
     * to the bundle for the two calls used (the same operations, context and pipeline as the client's).
     */
    private async createOperationalInsightsClient(subscriptionId: string) {
        const [{ createOperationalInsightsManagement }, workspaces] = await Promise.all([
            import('@azure/arm-operationalinsights/api'),
            import('@azure/arm-operationalinsights/api/workspaces'),
        ]);
        const context = createOperationalInsightsManagement(this.connection.credential, subscriptionId, this.armClientOptions());
        return {
            workspaces: { list: () => workspaces.list(context), get: (resourceGroup: string, name: string) => workspaces.get(context, resourceGroup, name) },
        };
    }

    private async createKeyClient(vaultUrl: string) {
        const { KeyClient } = await import('@azure/keyvault-keys');
        // Challenge resource verification stays on: the token audience must match the vault's own DNS suffix.
        return new KeyClient(vaultUrl, this.connection.getVaultCredential(), transportOptions(this.connection));
    }

    /** Classic (AutoRest v3) clients read `endpoint`/`baseUri` and `credentialScopes` instead of `credentials.scopes`. */
    classicArmClientOptions() {
        const options = this.armClientOptions();
        return { ...options, baseUri: options.endpoint, credentialScopes: options.credentials.scopes };
    }

    /** Options shared by every management-plane client: endpoint, scope, CA, retry, timeout. */
    armClientOptions() {
        const { cloud } = this.connection;
        return {
            endpoint: cloud.resourceManagerEndpoint.replace(/\/+$/, ''),
            credentials: { scopes: [armScope(cloud)] },
            ...transportOptions(this.connection),
        };
    }
}

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
