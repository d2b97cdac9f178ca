import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { keysInUse, readKeyFacts, vaultHostOf, vaultSubscription } from '../domain/fleet/keysInUse';
import type { Fleet } from '../domain/fleet/readFleet';
import type { FleetWarning } from '../domain/fleet/report/fleetWarnings';
import type { TreeNode } from '../tree/TreeNode';

import type { KeyFactsCache } from './keyFactsCache';
import { KeyInUseNode, KeyUserNode, VaultInUseNode } from './keyNodes';
import { registryWarningIndex } from './registryWarningIndex';

/**
 * The fleet as the view holds it (a flow's fresh readings of registries included), with a connection per subscription
 * and the subscriptions' names: what the view's rows and the fleet key report read from.
 */
export interface FleetSnapshot {
    readonly fleet: Fleet;
    readonly factoryOf: (subscriptionId: string | undefined) => AzureClientFactory;
    readonly subscriptionName: (subscriptionId: string) => string;
}

/** The view's top rows: one per key vault holding keys in use; each reads its keys' state with a connection of its subscription. */
export function vaultNodes(snapshot: FleetSnapshot, redraw: (node: TreeNode) => void, cache: KeyFactsCache): TreeNode[] {
    return keysInUse(snapshot.fleet).map((entry) => {
        const factory = snapshot.factoryOf(vaultSubscription(entry));
        return new VaultInUseNode(entry, factory, snapshot.subscriptionName, redraw, (key) => cache.get(key, () => readKeyFacts(factory, key)));
    });
}

/** Registry id (lower case) → its fleet warnings, over the same key facts as the view's rows. */
export function fleetWarningIndex({ fleet, factoryOf }: FleetSnapshot, cache: KeyFactsCache): Promise<Map<string, FleetWarning[]>> {
    return registryWarningIndex(keysInUse(fleet), (vault, key) => cache.get(key, () => readKeyFacts(factoryOf(vaultSubscription(vault)), key)), new Date());
}

/** The row of a key vault (by its URL) among the view's rows, its keys read. */
export async function findVaultNode(roots: readonly TreeNode[], vaultUrl: string): Promise<VaultInUseNode | undefined> {
    const vault = roots.find((node): node is VaultInUseNode => node instanceof VaultInUseNode && vaultHostOf(node.entry.vaultUrl) === vaultHostOf(vaultUrl));
    await vault?.getChildren();
    return vault;
}

/** The row of a key (by its vault's URL and its name, case-insensitively) among the view's rows. */
export async function findKeyNode(roots: readonly TreeNode[], vaultUrl: string, keyName: string): Promise<KeyInUseNode | undefined> {
    const vault = await findVaultNode(roots, vaultUrl);
    return (await vault?.getChildren())?.find(
        (node): node is KeyInUseNode => node instanceof KeyInUseNode && node.key.keyName.toLowerCase() === keyName.toLowerCase(),
    );
}

/** A registry's row under its key. */
export async function findKeyUserNode(roots: readonly TreeNode[], vaultUrl: string, keyName: string, registryId: string): Promise<KeyUserNode | undefined> {
    const key = await findKeyNode(roots, vaultUrl, keyName);
    return (await key?.getChildren())?.find(
        (node): node is KeyUserNode => node instanceof KeyUserNode && node.user.registry.id.toLowerCase() === registryId.toLowerCase(),
    );
}

/** Every key row under the view's vault rows. */
export async function keyNodesOf(roots: readonly TreeNode[]): Promise<KeyInUseNode[]> {
    const vaults = roots.filter((node): node is VaultInUseNode => node instanceof VaultInUseNode);
    return (await Promise.all(vaults.map((vault) => vault.getChildren()))).flat().filter((node): node is KeyInUseNode => node instanceof KeyInUseNode);
}
