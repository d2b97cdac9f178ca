import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import * as tls from 'node:tls';
import { armScope } from '../cloud/CloudConfig';
import type { AzureConnection } from './AzureConnection';

/**
 * Creates SDK clients on first use. Every `@azure/*` module is loaded with a dynamic `import()` here, so
 * activating the extension loads none of them (esbuild keeps them behind lazy initialisers).
 */
export class AzureClientFactory {
    private readonly registryClients = new Map<string, ReturnType<AzureClientFactory['createRegistryClient']>>();
    private subscriptionClient?: ReturnType<AzureClientFactory['createSubscriptionClient']>;

    constructor(readonly connection: AzureConnection) { }

    get cloud() {
        return this.connection.cloud;
    }

    /** Poll interval for long-running operations (`updateIntervalInMs` of create/update calls). */
    get lroPollIntervalMs(): number | undefined {
        return this.connection.options?.lroPollIntervalMs;
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

    // The client types are inferred from the `import()` that loads them, so type and value come from one build of the package.
    private async createRegistryClient(subscriptionId: string) {
        const { ContainerRegistryManagementClient } = await import('@azure/arm-containerregistry');
        return new ContainerRegistryManagementClient(this.connection.credential, subscriptionId, this.armClientOptions());
    }

    private async createSubscriptionClient() {
        const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
        return new SubscriptionClient(this.connection.credential, this.armClientOptions());
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

export type ContainerRegistryClient = Awaited<ReturnType<AzureClientFactory['containerRegistry']>>;

/** Transport options for any Azure SDK client (management or data plane) and for `@azure/identity` credentials. */
export function transportOptions(connection: Pick<AzureConnection, 'cloud' | 'options'>) {
    const { cloud, options } = connection;
    const retry = options?.retry;
    const timeoutMs = options?.timeoutMs;
    return {
        ...(cloud.caCertificate ? { tlsOptions: { ca: [...tls.rootCertificates, cloud.caCertificate] } } : {}),
        ...(retry ? { retryOptions: { ...retry } } : {}),
        ...(timeoutMs ? { additionalPolicies: [{ policy: timeoutPolicy(timeoutMs), position: 'perCall' as const }] } : {}),
    };
}

function timeoutPolicy(timeoutMs: number): PipelinePolicy {
    return {
        name: 'acrCmkRequestTimeout',
        sendRequest: (request, next) => {
            if (!request.timeout) {
                request.timeout = timeoutMs;
            }
            return next(request);
        },
    };
}
