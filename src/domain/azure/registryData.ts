import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { registryCatalogClient, registryContentClient } from '../clients/registryDataClients';
import { collect } from '../util/collect';

// A registry's data plane (`https://<login server>`): ACR's catalog API and the OCI distribution API, reads only.

/** Every repository name of the registry (`/acr/v1/_catalog`, all pages). */
export async function listRepositoryNames(factory: AzureClientFactory, loginServer: string): Promise<string[]> {
    return collect((await registryCatalogClient(factory, loginServer)).listRepositoryNames());
}

/** A repository's tag and manifest counts (`/acr/v1/<repository>`). */
export async function repositoryCounts(
    factory: AzureClientFactory,
    loginServer: string,
    repository: string,
): Promise<{ tagCount: number; manifestCount: number }> {
    const properties = await (await registryCatalogClient(factory, loginServer)).getRepository(repository).getProperties();
    return { tagCount: properties.tagCount, manifestCount: properties.manifestCount };
}

export interface TaggedManifest {
    readonly tag: string;
    readonly digest: string;
    readonly lastUpdatedOn: Date;
}

/** The repository's tags with the manifest each names (`/acr/v1/<repository>/_manifests`, all pages). */
export async function listTaggedManifests(factory: AzureClientFactory, loginServer: string, repository: string): Promise<TaggedManifest[]> {
    const manifests = await collect((await registryCatalogClient(factory, loginServer)).getRepository(repository).listManifestProperties());
    return manifests.flatMap((manifest) => manifest.tags.map((tag) => ({ tag, digest: manifest.digest, lastUpdatedOn: manifest.lastUpdatedOn })));
}

/**
 * Reads one manifest's bytes (`GET /v2/<repository>/manifests/<tag or digest>`): registry content, which a CMK registry
 * can only serve while it can unwrap its data key. The SDK checks the bytes against their digest.
 */
export async function readManifestDigest(factory: AzureClientFactory, loginServer: string, repository: string, tagOrDigest: string): Promise<string> {
    return (await (await registryContentClient(factory, loginServer, repository)).getManifest(tagOrDigest)).digest;
}
