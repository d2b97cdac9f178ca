import type { Registry, World } from '../types';
import { lower } from '../ids';
import type { RegistryContent, StoredRepository } from './contentTypes';

/** The registry's content in the world; a registry created again under the same id starts empty. */
export function contentOf(world: World, registry: Registry): RegistryContent {
    const found = storedContentOf(world, registry);
    if (found) return found;
    const fresh = emptyContent(registry);
    (world.registryContent ??= {})[lower(registry.id)] = fresh;
    return fresh;
}

/** The content a write made, if any: a read of a registry nobody pushed to changes nothing in the world. */
export function storedContentOf(world: World, registry: Registry): RegistryContent | undefined {
    const found = world.registryContent?.[lower(registry.id)];
    return found && found.creationDate === registry.creationDate ? found : undefined;
}

export const emptyContent = (registry: Registry): RegistryContent => ({
    registryId: registry.id,
    creationDate: registry.creationDate,
    keyring: {},
    blobs: {},
    manifests: {},
    repositories: {},
    uploads: {},
});

/** The repository, created on first write (a repository exists in the catalog once a manifest is pushed to it). */
export function repositoryFor(content: RegistryContent, name: string, now: string): StoredRepository {
    return (content.repositories[name] ??= { name, createdTime: now, lastUpdateTime: now, tags: {}, manifests: [], blobs: [] });
}

/** Repositories holding at least one manifest, in name order (what the catalog lists). */
export const listedRepositories = (content: RegistryContent): StoredRepository[] =>
    Object.values(content.repositories)
        .filter((r) => r.manifests.length > 0)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** Bytes held by the registry (blobs and manifests, and uploads under way), for the emulator's size cap. */
export function storedBytes(content: RegistryContent): number {
    const blobs = Object.values(content.blobs).reduce((n, b) => n + b.size, 0);
    const manifests = Object.values(content.manifests).reduce((n, m) => n + m.size, 0);
    const uploads = Object.values(content.uploads).reduce((n, u) => n + u.size, 0);
    return blobs + manifests + uploads;
}

/** ACR's time format in data-plane answers (`2021-04-16T21:09:52.1234567Z`). */
export const acrTime = (at: Date = new Date()): string => at.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
