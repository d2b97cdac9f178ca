import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { OciImage } from '../emulator/registryData/ociImage';

/** Writes an image as an OCI image layout directory (`oci:<dir>:<tag>` for skopeo): oci-layout, index.json, blobs. */
export function writeOciLayout(dir: string, image: OciImage, tag: string): void {
    const blobs = path.join(dir, 'blobs', 'sha256');
    mkdirSync(blobs, { recursive: true });
    writeFileSync(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    for (const blob of [...image.blobs, { digest: image.manifestDigest, data: image.manifest }]) {
        writeFileSync(path.join(blobs, blob.digest.slice('sha256:'.length)), blob.data);
    }
    writeFileSync(
        path.join(dir, 'index.json'),
        JSON.stringify({
            schemaVersion: 2,
            manifests: [
                {
                    mediaType: 'application/vnd.oci.image.manifest.v1+json',
                    digest: image.manifestDigest,
                    size: image.manifest.length,
                    annotations: { 'org.opencontainers.image.ref.name': tag },
                },
            ],
        }),
    );
}

/** The manifest digest an OCI layout directory holds for `tag`. */
export function layoutManifestDigest(dir: string, tag: string): string | undefined {
    const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
    return index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag)?.digest;
}

/** A registry credentials file (`--authfile`), so no token is ever on a command line. */
export function writeAuthFile(file: string, registryHost: string, username: string, password: string): void {
    writeFileSync(file, JSON.stringify({ auths: { [registryHost]: { auth: Buffer.from(`${username}:${password}`).toString('base64') } } }), { mode: 0o600 });
}
