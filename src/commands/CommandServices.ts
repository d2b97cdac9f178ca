import type { AzureSession } from '../auth/AzureSession';
import type { JournalStore } from '../domain/engine/JournalStore';
import type { KeyValueStorage } from '../domain/revoke/RevocationRecord';
import type { KeysTreeDataProvider } from '../keysView/KeysTreeDataProvider';
import type { RegistryInventory } from '../tree/RegistryInventory';
import type { RegistryTreeDataProvider } from '../tree/RegistryTreeDataProvider';

/** What command handlers need; passed explicitly instead of a global service locator. */
export interface CommandServices {
    readonly session: AzureSession;
    readonly inventory: RegistryInventory;
    readonly tree: RegistryTreeDataProvider;
    /** The Keys view (key vault → key → registries). */
    readonly keys: KeysTreeDataProvider;
    /** The extension's global state (VS Code's `Memento`): where Revoke remembers what it took away. */
    readonly globalState?: KeyValueStorage;
    /** Journals of flows that change Azure (the extension's global storage folder), read again on the next start. */
    readonly journal?: JournalStore;
}
