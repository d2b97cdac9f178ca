import { adminJson } from '../../support/adminRequest';
import type { EmulatorWorld } from '../domain/emulatorWorld';

/** The emulator's admin API (`/_emulator/…`): state, faults, key-access probe, request log. */
export function emulatorAdmin(world: EmulatorWorld) {
    const call = adminCaller(world.emulator.environment.adminEndpoint, world.cloud.caCertificate ?? '');
    return {
        state: () => call<EmulatorState>('GET', 'state'),
        keyAccess: (registryId: string) => call<{ accessible: boolean; reason: string }>('GET', `key-access?registry=${encodeURIComponent(registryId)}`),
        addFault: (rule: Record<string, unknown>) => call<unknown>('POST', 'faults', rule),
        clearFaults: () => call<void>('DELETE', 'faults'),
        requests: (since = 0) => world.requests(since),
        addPrincipal: (displayName: string) => call<{ clientId: string; clientSecret: string; objectId: string }>('POST', 'principals', { displayName }),
    };
}

export interface EmulatorState {
    groups: Record<string, { id: string; name: string }>;
    identities: Record<string, { id: string; name: string; principalId: string; clientId: string }>;
    vaults: Record<
        string,
        {
            id: string;
            name: string;
            properties: {
                accessPolicies: { objectId: string; permissions: { keys?: string[] } }[];
                enablePurgeProtection?: boolean;
                enableRbacAuthorization?: boolean;
            };
        }
    >;
    roleAssignments: Record<string, { id: string; scope: string; roleDefinitionId: string; principalId: string }>;
    registries: Record<string, { id: string; name: string; sku: string }>;
    deployments: Record<string, unknown>;
}

/** Policies of one vault from the state, keyed by object id, permissions sorted (case kept). */
export function policiesOf(state: EmulatorState, vaultId: string): Record<string, string[]> {
    const vault = state.vaults[vaultId.toLowerCase()];
    if (!vault) {
        throw new Error(`vault ${vaultId} not in the emulator state`);
    }
    return Object.fromEntries(vault.properties.accessPolicies.map((policy) => [policy.objectId.toLowerCase(), [...(policy.permissions.keys ?? [])].sort()]));
}

/** Role assignments (role guid, scope) of one principal. */
export function rolesOf(state: EmulatorState, principalId: string): { role: string; scope: string }[] {
    return Object.values(state.roleAssignments)
        .filter((assignment) => assignment.principalId.toLowerCase() === principalId.toLowerCase())
        .map((assignment) => ({ role: (assignment.roleDefinitionId.split('/').pop() ?? '').toLowerCase(), scope: assignment.scope.toLowerCase() }));
}

/** A caller of the admin API at `adminEndpoint` (JSON in and out; an answer of 300 or more rejects with its body). */
export function adminCaller(adminEndpoint: string, ca: string) {
    return <T>(method: string, path: string, body?: unknown): Promise<T> => adminJson<T>(`${adminEndpoint}${path}`, ca, method, body);
}
