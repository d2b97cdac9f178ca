import { OciError } from './ociErrors';

// The emulator keeps every registry's content in memory (and in the saved world): small images only. ACR's own
// limits are far larger (manifests up to 4 MiB); past these the emulator answers the distribution spec's SIZE_INVALID.
export const MAX_BLOB_BYTES = 16 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const MAX_REGISTRY_BYTES = 64 * 1024 * 1024;
const MiB = (n: number): string => `${n / (1024 * 1024)} MiB`;

export function checkBlobSize(size: number, registryBytes: number): void {
    if (size > MAX_BLOB_BYTES) throw new OciError(400, 'SIZE_INVALID', `blob of ${size} bytes exceeds the emulator's limit of ${MiB(MAX_BLOB_BYTES)} per blob`);
    if (registryBytes + size > MAX_REGISTRY_BYTES) {
        throw new OciError(400, 'SIZE_INVALID', `the registry would hold more than the emulator's limit of ${MiB(MAX_REGISTRY_BYTES)} per registry`);
    }
}

export function checkManifestSize(size: number): void {
    if (size > MAX_MANIFEST_BYTES) throw new OciError(400, 'SIZE_INVALID', `manifest of ${size} bytes exceeds the limit of ${MiB(MAX_MANIFEST_BYTES)}`);
}
