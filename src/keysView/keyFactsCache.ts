import { PromiseCache } from '../domain/util/PromiseCache';
import type { KeyFacts } from './keyFacts';

type KeyRef = { readonly vaultUrl: string; readonly keyName: string };

// A vault's host (with port) and the key's name, lower case: how key identifiers are matched.
const idOf = (key: KeyRef): string =>
    `${key.vaultUrl
        .replace(/^https:\/\//i, '')
        .replace(/\/+$/, '')
        .toLowerCase()}/${key.keyName.toLowerCase()}`;

/**
 * Key Vault's answers about each key in use, read once per key and shared by the Keys view's rows and the Registries
 * view's marks until the fleet changes; a failed read is not kept.
 */
export class KeyFactsCache extends PromiseCache<KeyRef, KeyFacts> {
    constructor() {
        super(idOf);
    }
}
