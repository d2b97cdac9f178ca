import { deletedVaultsIn } from '../azure/vaults';
import type { AzureClientFactory } from '../clients/AzureClientFactory';

/** A soft-deleted vault: recoverable until `scheduledPurgeDate` (`az keyvault recover --name <name>`, or the portal's "Manage deleted vaults"). */
export interface DeletedVaultInfo {
    readonly name: string;
    readonly subscriptionId: string;
    readonly location: string;
    readonly vaultId?: string;
    readonly scheduledPurgeDate?: Date;
}

/** Looks for a soft-deleted vault by name in the given subscriptions (one list per subscription). */
export async function findDeletedVault(
    factory: AzureClientFactory,
    subscriptionIds: readonly string[],
    vaultName: string,
): Promise<DeletedVaultInfo | undefined> {
    for (const subscriptionId of subscriptionIds) {
        for await (const deleted of deletedVaultsIn(factory, subscriptionId)) {
            if (deleted.name?.toLowerCase() === vaultName.toLowerCase()) {
                return {
                    name: deleted.name,
                    subscriptionId,
                    location: deleted.properties?.location ?? '',
                    vaultId: deleted.properties?.vaultId,
                    scheduledPurgeDate: deleted.properties?.scheduledPurgeDate,
                };
            }
        }
    }
    return undefined;
}
