import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { listRepositoryNames, listTaggedManifests, repositoryCounts, type TaggedManifest } from '../azure/registryData';
import { mapWithConcurrency } from '../util/mapWithConcurrency';
import type { DataAccessProblem } from './DataAccess';
import { readDataPlane } from './dataAccessProblem';

export interface RepositorySummary {
    readonly name: string;
    /** Undefined beyond the first `detailLimit` repositories, or when its properties could not be read. */
    readonly tagCount?: number;
}

export type RepositoryListing = { readonly kind: 'listed'; readonly repositories: readonly RepositorySummary[] } | DataAccessProblem;

export type TagListing = { readonly kind: 'listed'; readonly tags: readonly TaggedManifest[] } | DataAccessProblem;

/** Where a registry's data lives: the login server Resource Manager reports (never built from the name). */
export interface DataPlaneRegistry {
    readonly name: string;
    readonly loginServer?: string;
}

/**
 * The registry's repositories with their tag counts (the counts of the first `detailLimit`, a few at a time). Never
 * throws for Azure's answers: a refusal or a failure comes back as the problem, for the tree to show.
 */
export function listRepositories(factory: AzureClientFactory, registry: DataPlaneRegistry, detailLimit = 100): Promise<RepositoryListing> {
    return readDataPlane(registry, async (loginServer) => {
        const names = (await listRepositoryNames(factory, loginServer)).sort();
        const repositories = await mapWithConcurrency(names, 4, async (name, index): Promise<RepositorySummary> => {
            if (index >= detailLimit) {
                return { name };
            }
            const counts = await repositoryCounts(factory, loginServer, name).catch(() => undefined);
            return counts ? { name, tagCount: counts.tagCount } : { name };
        });
        return { kind: 'listed', repositories };
    });
}

/** A repository's tags, newest first, with the manifest digest each names. */
export function listRepositoryTags(factory: AzureClientFactory, registry: DataPlaneRegistry, repository: string): Promise<TagListing> {
    return readDataPlane(registry, async (loginServer) => {
        const tags = await listTaggedManifests(factory, loginServer, repository);
        return { kind: 'listed', tags: [...tags].sort((a, b) => b.lastUpdatedOn.getTime() - a.lastUpdatedOn.getTime() || a.tag.localeCompare(b.tag)) };
    });
}
