import { grantSnapshot } from '../revoke/grantSnapshot';

interface RawWorld {
    groups: Record<string, { name: string }>;
    identities: Record<string, { name: string }>;
    vaults: Record<string, { name: string; properties: { networkAcls?: unknown } }>;
    registries: Record<
        string,
        {
            name: string;
            provisioningState: string;
            identity?: { type: string; userAssignedIdentities?: Record<string, unknown> };
            encryption: { status: string; keyVaultProperties?: { keyIdentifier: string; identity: string } };
        }
    >;
}

/** What "the world as it was" means for the interruption tests: resources by name, each registry's identities and encryption, every grant and key version. */
export function worldSnapshot(state: unknown, options: { ignoreKeys?: boolean } = {}) {
    const world = state as RawWorld;
    const grants = grantSnapshot(state);
    return {
        groups: Object.values(world.groups)
            .map((group) => group.name.toLowerCase())
            .sort(),
        identities: Object.values(world.identities)
            .map((identity) => identity.name.toLowerCase())
            .sort(),
        vaults: Object.values(world.vaults)
            .map((vault) => vault.name.toLowerCase())
            .sort(),
        registries: Object.values(world.registries)
            .map((registry) =>
                [
                    registry.name,
                    registry.provisioningState,
                    registry.identity?.type ?? 'None',
                    Object.keys(registry.identity?.userAssignedIdentities ?? {})
                        .map((id) => id.toLowerCase())
                        .sort()
                        .join(','),
                    registry.encryption.status,
                    registry.encryption.keyVaultProperties?.keyIdentifier.toLowerCase() ?? '',
                    registry.encryption.keyVaultProperties?.identity.toLowerCase() ?? '',
                ].join('|'),
            )
            .sort(),
        policies: grants.policies,
        roleAssignments: grants.roleAssignments,
        ...(options.ignoreKeys ? {} : { keys: grants.keys }),
    };
}

/** Every key version (vault/key/version) of the world. */
export function keyVersions(state: unknown): string[] {
    return grantSnapshot(state).keys.map((line) => line.split('|')[0]!);
}
