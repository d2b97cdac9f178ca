// What a registry's data plane stores, as plain JSON inside the world (so it is persisted and reset with it).
import type { WrappedDataKey } from '../types';

/**
 * Bytes at rest. A CMK registry's bytes are AES-256-GCM ciphertext under its data key (`keyDigest` names which one, the
 * digest of the plaintext data key, as `WrappedDataKey.digest`); a service-managed registry's are stored as they are.
 */
export type StoredBytes = { sealed: { iv: string; tag: string; data: string; keyDigest: string } } | { plain: string };

export interface StoredBlob {
    size: number;
    bytes: StoredBytes;
}
export interface StoredManifest {
    mediaType: string;
    size: number;
    bytes: StoredBytes;
    createdTime: string;
    lastUpdateTime: string;
}
export interface StoredTag {
    digest: string;
    createdTime: string;
    lastUpdateTime: string;
}
export interface StoredRepository {
    name: string;
    createdTime: string;
    lastUpdateTime: string;
    tags: Record<string, StoredTag>;
    /** digests of the manifests pushed to this repository */ manifests: string[];
    /** digests of the blobs linked to this repository (pushed or mounted into it): only these are served from it */ blobs: string[];
}
export interface UploadSession {
    repository: string;
    startedAt: string;
    size: number;
    chunks: StoredBytes[];
}

export interface RegistryContent {
    /** the registry this content belongs to: a registry deleted and created again under the same name starts empty */
    registryId: string;
    creationDate: string;
    /** every data key content was sealed under (by digest), wrapped by the customer-managed key as the registry holds it */
    keyring: Record<string, WrappedDataKey>;
    blobs: Record<string, StoredBlob>; // key: digest
    manifests: Record<string, StoredManifest>; // key: digest
    repositories: Record<string, StoredRepository>; // key: repository name
    uploads: Record<string, UploadSession>; // key: upload id
}
