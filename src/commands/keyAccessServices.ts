import { MemoryStorage, StoredRevocations, type RevocationStore } from '../domain/revoke/RevocationRecord';
import type { CommandServices } from './CommandServices';

// Without the extension's global state (e.g. a host that passed none), records live for the session.
const sessionStorage = new MemoryStorage();

export function revocationStore(services: CommandServices): RevocationStore {
    return new StoredRevocations(services.globalState ?? sessionStorage);
}

/** The tree reads "revoked" from Revoke's records: registries revoked in an earlier session show it from the start. */
export function markRememberedRevocations(services: CommandServices): void {
    const store = revocationStore(services);
    services.tree.keyAccessMarks.readRevocationsFrom((registryId) => store.get(registryId) !== undefined);
}

/** Every selected subscription: a registry's key may live in a vault of another subscription. */
export async function selectedSubscriptionIds(services: CommandServices): Promise<string[]> {
    return (await services.inventory.getSubscriptions()).map((target) => target.subscriptionId);
}
