import type { SubscriptionTarget } from '../auth/SubscriptionSource';
import { keysInUse, vaultHostOf } from '../domain/fleet/keysInUse';
import type { Fleet } from '../domain/fleet/readFleet';
import type { TreeNode } from '../tree/TreeNode';
import { KeyInUseNode, VaultInUseNode } from './keyNodes';

/** The view's top rows: one per key vault holding keys in use; each reads its keys' state with a connection of its subscription. */
export function vaultNodes(fleet: Pick<Fleet, 'registries' | 'vaults'>, targets: readonly SubscriptionTarget[], redraw?: (node: TreeNode) => void): TreeNode[] {
    const byId = new Map(targets.map((target) => [target.subscriptionId.toLowerCase(), target]));
    const factoryOf = (subscriptionId: string | undefined) => (byId.get(subscriptionId?.toLowerCase() ?? '') ?? targets[0]!).factory;
    const subscriptionName = (subscriptionId: string) => byId.get(subscriptionId.toLowerCase())?.name ?? subscriptionId;
    return keysInUse(fleet).map((entry) => new VaultInUseNode(entry, factoryOf(entry.vault?.subscriptionId ?? entry.keys[0]?.users[0]?.registry.subscriptionId), subscriptionName, redraw));
}

/** The row of a key (by its vault's URL and its name, case-insensitively) among the view's rows, and how many registries use it. */
export async function findKeyNode(roots: readonly TreeNode[], vaultUrl: string, keyName: string): Promise<{ node: TreeNode; users: number } | undefined> {
    const vault = roots.find((node): node is VaultInUseNode => node instanceof VaultInUseNode && vaultHostOf(node.entry.vaultUrl) === vaultHostOf(vaultUrl));
    const key = (await vault?.getChildren())?.find((node): node is KeyInUseNode => node instanceof KeyInUseNode && node.key.keyName.toLowerCase() === keyName.toLowerCase());
    return key ? { node: key, users: key.key.users.length } : undefined;
}

/** Every key row under the view's vault rows. */
export async function keyNodesOf(roots: readonly TreeNode[]): Promise<KeyInUseNode[]> {
    const vaults = roots.filter((node): node is VaultInUseNode => node instanceof VaultInUseNode);
    return (await Promise.all(vaults.map((vault) => vault.getChildren()))).flat().filter((node): node is KeyInUseNode => node instanceof KeyInUseNode);
}
