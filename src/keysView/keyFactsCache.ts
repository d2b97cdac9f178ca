import { vaultHostOf, type KeyFacts } from '../domain/fleet/keysInUse';
import { PromiseCache } from '../domain/util/PromiseCache';

type KeyRef = { readonly vaultUrl: string; readonly keyName: string };

/**
 * Key Vault's answers about each key in use, read once per key and shared by the Keys view's rows and the Registries
 * view's marks until the fleet changes; a failed read is not kept. Keyed as key identifiers are matched: the vault's
 * host (with port) and the key's name, lower case.
 */
export class KeyFactsCache extends PromiseCache<KeyRef, KeyFacts> {
    constructor() {
        super((key) => `${vaultHostOf(key.vaultUrl)}/${key.keyName.toLowerCase()}`);
    }
}
