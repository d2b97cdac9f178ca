// Shared by the key access tests: the emulator's ground truth about grants and key state, and tree lookups.
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import type { TreeRow } from './extensionApi';

/** The labels of Revoke Key Access's prompts: how (quick pick), the warning (modal); the typed name comes last. */
export const revoke = {
    removeAccess: "Remove the identity's key vault access",
    disableKeyInUse: 'Disable the key version in use',
    proceed: 'Continue',
} as const;

interface GrantState {
    vaults: Record<
        string,
        {
            name: string;
            properties: { accessPolicies: { objectId: string; permissions: { keys?: string[] } }[] };
            keys: Record<string, { name: string; deleted?: unknown; versions: { version: string; attributes: { enabled: boolean } }[] }>;
        }
    >;
    roleAssignments: Record<string, { id: string; scope: string; roleDefinitionId: string; principalId: string }>;
}

/** Access policies, role assignments and key versions, normalized: equal means "exactly the same grants and key state". */
export async function grantsNow(): Promise<string[]> {
    const state = await getEmulatorJson<GrantState>('state');
    const vaults = Object.values(state.vaults);
    return [
        ...vaults.flatMap((v) =>
            v.properties.accessPolicies.map(
                (p) =>
                    `policy ${v.name} ${p.objectId.toLowerCase()} ${[...(p.permissions.keys ?? [])]
                        .map((k) => k.toLowerCase())
                        .sort()
                        .join(',')}`,
            ),
        ),
        ...Object.values(state.roleAssignments).map(
            (a) => `role ${a.id.toLowerCase()} ${a.scope.toLowerCase()} ${a.roleDefinitionId.toLowerCase()} ${a.principalId.toLowerCase()}`,
        ),
        ...vaults.flatMap((v) =>
            Object.values(v.keys).flatMap((k) => k.versions.map((x) => `key ${v.name}/${k.name}/${x.version} ${x.attributes.enabled} ${!!k.deleted}`)),
        ),
    ].sort();
}

export async function keyAccess(registryId: string): Promise<{ accessible: boolean; reason: string }> {
    return keyAccessNow(registryId);
}

/** A CMK registry the emulator says can reach its key, taken from the end of the list (other suites start at the front). */
export async function accessibleCmkRegistry(skip = 0): Promise<WorldRegistry> {
    const world = await getEmulatorJson<EmulatorWorld>('state');
    const candidates: WorldRegistry[] = [];
    for (const registry of [...cmkRegistries(world)].reverse()) {
        if ((await keyAccess(registry.id)).accessible) candidates.push(registry);
    }
    const picked = candidates[skip];
    if (!picked) throw new Error('the emulator world has no accessible CMK registry');
    return picked;
}

export function findRow(rows: TreeRow[], id: string): TreeRow | undefined {
    for (const row of rows) {
        if (row.id?.toLowerCase() === id.toLowerCase()) return row;
        const inner = findRow(row.children ?? [], id);
        if (inner) return inner;
    }
    return undefined;
}
