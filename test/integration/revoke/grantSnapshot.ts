/** The parts of the emulator's state that decide key access, normalized so "exactly as before" is a deepEqual. */
export interface GrantSnapshot {
    readonly policies: string[];
    readonly roleAssignments: string[];
    readonly keys: string[];
}

interface RawState {
    vaults: Record<
        string,
        {
            name: string;
            properties: { accessPolicies: { objectId: string; permissions: { keys?: string[] } }[] };
            keys: Record<string, { name: string; deleted?: unknown; versions: { version: string; attributes: { enabled: boolean; exp?: number } }[] }>;
        }
    >;
    roleAssignments: Record<string, { id: string; scope: string; roleDefinitionId: string; principalId: string }>;
}

export function grantSnapshot(state: unknown, options: { withAssignmentIds?: boolean } = {}): GrantSnapshot {
    const raw = state as RawState;
    const vaults = Object.values(raw.vaults);
    return {
        policies: vaults
            .flatMap((vault) =>
                vault.properties.accessPolicies.map(
                    (policy) =>
                        `${vault.name}|${policy.objectId.toLowerCase()}|${[...(policy.permissions.keys ?? [])]
                            .map((p) => p.toLowerCase())
                            .sort()
                            .join(',')}`,
                ),
            )
            .sort(),
        roleAssignments: Object.values(raw.roleAssignments)
            .map(
                (assignment) =>
                    `${options.withAssignmentIds === false ? '' : assignment.id.toLowerCase()}|${assignment.scope.toLowerCase()}|${assignment.roleDefinitionId.toLowerCase()}|${assignment.principalId.toLowerCase()}`,
            )
            .sort(),
        keys: vaults
            .flatMap((vault) =>
                Object.values(vault.keys).flatMap((key) =>
                    key.versions.map(
                        (version) =>
                            `${vault.name}/${key.name}/${version.version}|enabled=${version.attributes.enabled}|exp=${version.attributes.exp ?? ''}|deleted=${!!key.deleted}`,
                    ),
                ),
            )
            .sort(),
    };
}
