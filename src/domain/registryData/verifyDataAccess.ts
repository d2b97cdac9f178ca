import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { listRepositoryNames, listTaggedManifests, readManifestDigest } from '../azure/registryData';
import type { DataAccessResult } from './DataAccess';
import { readDataPlane } from './dataAccessProblem';
import type { DataPlaneRegistry } from './listRepositories';

/** How many repositories are looked into for a tagged manifest before the catalog alone is taken as the answer. */
const repositoriesTried = 5;

/**
 * Reads the registry's data as a client would: the catalog, then one manifest's bytes (the first tag of the first
 * repositories that have one). This is the check, not a reasoning over grants: it sees what ACR serves now, on any cloud.
 */
export function verifyDataAccess(factory: AzureClientFactory, registry: DataPlaneRegistry): Promise<DataAccessResult> {
    return readDataPlane(registry, async (loginServer): Promise<DataAccessResult> => {
        const names = (await listRepositoryNames(factory, loginServer)).sort();
        for (const repository of names.slice(0, repositoriesTried)) {
            const tag = (await listTaggedManifests(factory, loginServer, repository))[0]?.tag;
            if (tag) {
                const digest = await readManifestDigest(factory, loginServer, repository, tag);
                return { kind: 'readable', repositoryCount: names.length, manifest: { repository, reference: tag, digest } };
            }
        }
        return { kind: 'readable', repositoryCount: names.length };
    });
}
