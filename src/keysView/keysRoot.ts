import type { SubscriptionTarget } from '../auth/SubscriptionSource';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { keysInUse, vaultHostOf, type KeyInUse, type VaultInUse } from '../domain/fleet/keysInUse';
import type { Fleet } from '../domain/fleet/readFleet';
import type { FleetWarning } from '../domain/fleet/report/fleetWarnings';
import type { TreeNode } from '../tree/TreeNode';
import { readKeyFacts, type KeyFacts } from './keyFacts';
import { KeyInUseNode, KeyUserNode, VaultInUseNode } from './keyNodes';
import { registryWarningIndex } from './registryWarningIndex';

/** Where key facts are kept between reads (the view's cache): the key, and how to read it when it is not there. */
export type KeyFactsCacheGet = (key: KeyInUse, read: () => Promise<KeyFacts>) => Promise<KeyFacts>;

const noCache: KeyFactsCacheGet = (_key, read) => read();

/** The subscription whose connection reads a vault's keys: the vault's own, else that of a registry using it. */
const vaultSubscription = (entry: VaultInUse): string | undefined => entry.vault?.subscriptionId ?? entry.keys[0]?.users[0]?.registry.subscriptionId;

/** The view's top rows: one per key vault holding keys in use; each reads its keys' state with a connection of its subscription. */
export function vaultNodes(
    fleet: Pick<Fleet, 'registries' | 'vaults'>,
    targets: readonly SubscriptionTarget[],
    redraw?: (node: TreeNode) => void,
    cache: KeyFactsCacheGet = noCache,
): TreeNode[] {
    const byId = new Map(targets.map((target) => [target.subscriptionId.toLowerCase(), target]));
    const factoryOf = (subscriptionId: string | undefined) => (byId.get(subscriptionId?.toLowerCase() ?? '') ?? targets[0]!).factory;
    const subscriptionName = (subscriptionId: string) => byId.get(subscriptionId.toLowerCase())?.name ?? subscriptionId;
    return keysInUse(fleet).map((entry) => {
        const factory = factoryOf(vaultSubscription(entry));
        return new VaultInUseNode(entry, factory, subscriptionName, redraw, (_vault, key) => cache(key, () => readKeyFacts(factory, key)));
    });
}

/** Registry id (lower case) → its fleet warnings, over the same key facts as the view's rows. */
export function fleetWarningIndex(
    fleet: Pick<Fleet, 'registries' | 'vaults'>,
    factoryOf: (subscriptionId: string | undefined) => AzureClientFactory,
    cache: KeyFactsCacheGet,
): Promise<Map<string, FleetWarning[]>> {
    return registryWarningIndex(keysInUse(fleet), (vault, key) => cache(key, () => readKeyFacts(factoryOf(vaultSubscription(vault)), key)), new Date());
}

export function findVaultNode(roots: readonly TreeNode[], vaultUrl: string): VaultInUseNode | undefined {
    return roots.find((node): node is VaultInUseNode => node instanceof VaultInUseNode && vaultHostOf(node.entry.vaultUrl) === vaultHostOf(vaultUrl));
}

/** The row of a key (by its vault's URL and its name, case-insensitively) among the view's rows, and how many registries use it. */
export async function findKeyNode(roots: readonly TreeNode[], vaultUrl: string, keyName: string): Promise<{ node: KeyInUseNode; users: number } | undefined> {
    const vault = findVaultNode(roots, vaultUrl);
    const key = (await vault?.getChildren())?.find(
        (node): node is KeyInUseNode => node instanceof KeyInUseNode && node.key.keyName.toLowerCase() === keyName.toLowerCase(),
    );
    return key ? { node: key, users: key.key.users.length } : undefined;
}

/** A registry's row under its key. */
export async function findKeyUserNode(roots: readonly TreeNode[], vaultUrl: string, keyName: string, registryId: string): Promise<KeyUserNode | undefined> {
    const key = await findKeyNode(roots, vaultUrl, keyName);
    return (await key?.node.getChildren())?.find(
        (node): node is KeyUserNode => node instanceof KeyUserNode && node.user.registry.id.toLowerCase() === registryId.toLowerCase(),
    );
}

/** Every key row under the view's vault rows. */
export async function keyNodesOf(roots: readonly TreeNode[]): Promise<KeyInUseNode[]> {
    const vaults = roots.filter((node): node is VaultInUseNode => node instanceof VaultInUseNode);
    return (await Promise.all(vaults.map((vault) => vault.getChildren()))).flat().filter((node): node is KeyInUseNode => node instanceof KeyInUseNode);
}
