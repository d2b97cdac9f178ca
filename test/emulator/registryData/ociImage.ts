import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** A small OCI image built in code: one tar.gz layer, its config and the manifest naming both (real formats). */
export interface OciImage {
    manifest: Buffer;
    manifestDigest: string;
    config: Buffer;
    layers: Buffer[];
    blobs: { digest: string; data: Buffer }[];
}

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

function octal(value: number, width: number): string {
    return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** One regular file in a ustar archive (header, content padded to 512 bytes, two empty blocks at the end). */
export function tarOf(files: { name: string; content: Buffer }[]): Buffer {
    const blocks: Buffer[] = [];
    for (const file of files) {
        const header = Buffer.alloc(512);
        header.write(file.name, 0, 100, 'utf8');
        header.write(octal(0o644, 8), 100);
        header.write(octal(0, 8), 108);
        header.write(octal(0, 8), 116);
        header.write(octal(file.content.length, 12), 124);
        header.write(octal(0, 12), 136);
        header.write('        ', 148);
        header.write('0', 156);
        header.write('ustar\0', 257);
        header.write('00', 263);
        let sum = 0;
        for (const byte of header) sum += byte;
        header.write(octal(sum, 7) + ' ', 148);
        blocks.push(header, file.content, Buffer.alloc((512 - (file.content.length % 512)) % 512));
    }
    blocks.push(Buffer.alloc(1024));
    return Buffer.concat(blocks);
}

/** An image whose single layer holds `files`; deterministic (no times), so the same files give the same digests. */
export function buildOciImage(files: { name: string; content: Buffer }[], platform = { architecture: 'amd64', os: 'linux' }): OciImage {
    const tar = tarOf(files);
    const layer = gzipSync(tar);
    const config = Buffer.from(JSON.stringify({ ...platform, config: {}, rootfs: { type: 'layers', diff_ids: [sha256(tar)] } }));
    const manifest = Buffer.from(
        JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
            layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(layer), size: layer.length }],
        }),
    );
    return {
        manifest,
        manifestDigest: sha256(manifest),
        config,
        layers: [layer],
        blobs: [
            { digest: sha256(config), data: config },
            { digest: sha256(layer), data: layer },
        ],
    };
}
