import type { CloudConfig } from '../cloud/CloudConfig';
import { transportOptions, type AzureClientFactory } from './AzureClientFactory';

// Clients of a registry's own data plane (its login server), loaded with a dynamic `import()` like every @azure module
// (their types are inferred from that import, so type and value come from one build of the package). A catalog client
// is kept in the factory's cache: a new sign-in (a new factory) gets new clients.

/**
 * The audience ACR's token exchange accepts: a Resource Manager token of the registry's cloud (the SDK's own default,
 * `https://containerregistry.azure.net`, is not what the user's credential for a custom or sovereign cloud gives).
 * The SDK appends `/.default`, so the trailing slash goes.
 */
export function registryDataAudience(cloud: CloudConfig): string {
    return cloud.resourceManagerAudience.replace(/\/+$/, '');
}

/** `https://<login server>`: the login server as Resource Manager reports it (it carries a port only where the cloud has one). */
export function loginServerEndpoint(loginServer: string): string {
    return `https://${loginServer.replace(/\/+$/, '').toLowerCase()}`;
}

function dataClientOptions(factory: AzureClientFactory) {
    return { audience: registryDataAudience(factory.cloud), ...transportOptions(factory.connection) };
}

/** Catalog, repositories and tags of one registry, with the signed-in user's Entra credential (exchanged for ACR tokens). */
export function registryCatalogClient(factory: AzureClientFactory, loginServer: string) {
    const key = loginServer.toLowerCase();
    return factory.once(`catalog:${key}`, () => createCatalogClient(factory, key));
}

/** Manifests and blobs of one repository (a content client is per repository and cheap: not cached). */
export async function registryContentClient(factory: AzureClientFactory, loginServer: string, repository: string) {
    const { ContainerRegistryContentClient } = await import('@azure/container-registry');
    return new ContainerRegistryContentClient(loginServerEndpoint(loginServer), repository, factory.connection.credential, dataClientOptions(factory));
}

async function createCatalogClient(factory: AzureClientFactory, loginServer: string) {
    const { ContainerRegistryClient } = await import('@azure/container-registry');
    return new ContainerRegistryClient(loginServerEndpoint(loginServer), factory.connection.credential, dataClientOptions(factory));
}
