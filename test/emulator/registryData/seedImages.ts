import type { Registry, World } from '../types';
import type { RegistryContent, StoredBytes } from './contentTypes';
import { contentOf, repositoryFor, acrTime } from './contentStore';
import { openDataKey } from './dataKey';
import { sealWith } from './sealing';
import { buildOciImage, type OciImage } from './ociImage';

/** Puts an image into a registry's content as a push would: blobs linked to the repository, the manifest tagged. */
export function storeImage(
    content: RegistryContent,
    seal: (data: Buffer) => StoredBytes,
    repository: string,
    tag: string,
    image: OciImage,
    now = acrTime(),
): void {
    const repo = repositoryFor(content, repository, now);
    for (const blob of image.blobs) {
        content.blobs[blob.digest] ??= { size: blob.data.length, bytes: seal(blob.data) };
        if (!repo.blobs.includes(blob.digest)) repo.blobs.push(blob.digest);
    }
    content.manifests[image.manifestDigest] ??= {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        size: image.manifest.length,
        bytes: seal(image.manifest),
        createdTime: now,
        lastUpdateTime: now,
    };
    if (!repo.manifests.includes(image.manifestDigest)) repo.manifests.push(image.manifestDigest);
    repo.tags[tag] = { digest: image.manifestDigest, createdTime: now, lastUpdateTime: now };
}

const text = (s: string): Buffer => Buffer.from(s, 'utf8');

/** The sample images: a greeting and a small tool image, two tags each (a few hundred bytes apiece). */
const SAMPLES: { repository: string; tags: Record<string, { name: string; content: Buffer }[]> }[] = [
    {
        repository: 'hello-world',
        tags: {
            v1: [{ name: 'hello.txt', content: text('Hello from the emulator registry (v1)\n') }],
            latest: [{ name: 'hello.txt', content: text('Hello from the emulator registry (v2)\n') }],
        },
    },
    {
        repository: 'tools/checksum',
        tags: {
            '1.0': [{ name: 'bin/checksum.sh', content: text('#!/bin/sh\nsha256sum "$@"\n') }],
        },
    },
];

/**
 * The sample world's images, in every registry: a CMK registry's content sealed under its data key (opened here
 * from the seeded key material, as the seed wrapped it), a service-managed registry's stored as it is.
 */
export function seedImages(world: World): void {
    for (const registry of Object.values(world.registries)) seedRegistry(world, registry);
}

function seedRegistry(world: World, registry: Registry): void {
    const content = contentOf(world, registry);
    let seal: (data: Buffer) => StoredBytes = (data) => ({ plain: data.toString('base64') });
    if (registry.encryption.status === 'enabled' && registry.dataKey) {
        const dataKey = registry.dataKey;
        const key = openDataKey(world, registry, dataKey);
        content.keyring[dataKey.digest] = { ...dataKey };
        seal = (data) => sealWith(key, dataKey.digest, data);
    }
    for (const sample of SAMPLES) {
        for (const [tag, files] of Object.entries(sample.tags)) storeImage(content, seal, sample.repository, tag, buildOciImage(files));
    }
}
