import type { GrantRecord } from '../access/GrantRecord';

/**
 * What a revocation took away, so Restore puts back exactly that: the encryption grants removed from the vault
 * and the key versions disabled. Ids and names only — never a token, secret or key material.
 */
export interface RevocationRecord {
    readonly registryId: string;
    readonly registryName: string;
    /** ISO time of the (latest) revocation. */
    readonly revokedAt: string;
    readonly vaultId: string;
    /** The registry's key identifier as configured when it was revoked. */
    readonly keyId: string;
    readonly removedGrants: readonly GrantRecord[];
    readonly disabledVersions: readonly string[];
}

/** Where revocation records live (the extension's global state; a map in tests). */
export interface RevocationStore {
    get(registryId: string): RevocationRecord | undefined;
    list(): RevocationRecord[];
    save(record: RevocationRecord): Promise<void>;
    delete(registryId: string): Promise<void>;
}

/** The part of VS Code's `Memento` the store needs, so the domain never imports `vscode`. */
export interface KeyValueStorage {
    get<T>(key: string): T | undefined;
    update(key: string, value: unknown): PromiseLike<void>;
}

const storageKey = 'acrCmk.revocations';

/** Revocation records in one key of a key-value storage, keyed by lower-cased registry id. */
export class StoredRevocations implements RevocationStore {
    constructor(private readonly storage: KeyValueStorage) {}

    get(registryId: string): RevocationRecord | undefined {
        return this.all()[registryId.toLowerCase()];
    }

    list(): RevocationRecord[] {
        return Object.values(this.all());
    }

    async save(record: RevocationRecord): Promise<void> {
        await this.storage.update(storageKey, { ...this.all(), [record.registryId.toLowerCase()]: record });
    }

    async delete(registryId: string): Promise<void> {
        const records = { ...this.all() };
        delete records[registryId.toLowerCase()];
        await this.storage.update(storageKey, records);
    }

    private all(): Record<string, RevocationRecord> {
        return this.storage.get<Record<string, RevocationRecord>>(storageKey) ?? {};
    }
}

/** A `KeyValueStorage` in memory (tests, and sessions where no extension state is available). */
export class MemoryStorage implements KeyValueStorage {
    private readonly values = new Map<string, unknown>();

    get<T>(key: string): T | undefined {
        return this.values.get(key) as T | undefined;
    }

    update(key: string, value: unknown): Promise<void> {
        // A JSON copy, like VS Code's storage: callers cannot mutate what was saved.
        this.values.set(key, JSON.parse(JSON.stringify(value)));
        return Promise.resolve();
    }
}

/** Adds a new revocation to an earlier one of the same registry (revoke access, then also disable the key). */
export function mergeRevocations(earlier: RevocationRecord | undefined, next: RevocationRecord): RevocationRecord {
    if (!earlier) {
        return next;
    }
    const grants = next.removedGrants.filter((grant) => !earlier.removedGrants.some((known) => sameGrant(known, grant)));
    const versions = [...new Set([...earlier.disabledVersions, ...next.disabledVersions])];
    return { ...next, removedGrants: [...earlier.removedGrants, ...grants], disabledVersions: versions };
}

function sameGrant(a: GrantRecord, b: GrantRecord): boolean {
    if (a.kind === 'roleAssignment' && b.kind === 'roleAssignment') {
        return a.id.toLowerCase() === b.id.toLowerCase();
    }
    if (a.kind === 'accessPolicy' && b.kind === 'accessPolicy') {
        return a.objectId.toLowerCase() === b.objectId.toLowerCase() && a.permissions.join() === b.permissions.join();
    }
    return false;
}
