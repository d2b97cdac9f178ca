import { assertMayChangeRegistry } from '../../access/callerPermissions';
import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import { DomainError, isDomainError } from '../../errors';
import { formatKeyIdentifier } from '../../keys/keyIdentifier';
import { planRotation } from '../../rotate/planRotation';
import type { RotationRequest } from '../../rotate/RotationRequest';
import { mapWithConcurrency } from '../../util/mapWithConcurrency';
import type { FleetEntry, FleetGrant, FleetPolicyPlan, FleetRegistryRef, FleetRotationPlan, FleetRotationRequest } from './FleetRotation';

/** Registries planned at once: each plan reads the registry, the vault, the key and the identity's access. */
const planConcurrency = 4;

/**
 * Plans Rotate All before anything changes: for every registry the same decisions one rotation makes (the registry
 * read again from Resource Manager, the target key, its identity's access), with the one consent Rotate All carries —
 * granting the registry's own identity access to the target vault. Anything else a registry would need (re-assigning a
 * removed identity, a firewall path, rights the user lacks) leaves it out of the run, with the reason.
 */
export async function planFleetRotation(factory: AzureClientFactory, request: FleetRotationRequest): Promise<FleetRotationPlan> {
    const keyId = request.target.kind === 'existing' ? request.target.keyId : formatKeyIdentifier(request.key, { versionless: true });
    // A pinned registry moved to a version created later is switched even when it pins today's latest version.
    const reapply = request.target.kind === 'newVersion' && !request.versionless;
    const kept = { key: { kind: 'existing', keyId }, identity: { kind: 'keep' }, subscriptionIds: request.subscriptionIds } as const;
    const entries = await mapWithConcurrency(request.registries, planConcurrency, async (registry): Promise<FleetEntry> => {
        try {
            await assertMayChangeRegistry(factory, registry.id);
            const plan = await planRotation(factory, {
                ...kept,
                registryId: registry.id,
                versionless: request.versionless,
                consent: { grantAccess: true },
                reapply,
            });
            return { kind: 'change', registry, plan };
        } catch (error) {
            if (isDomainError(error) && error.code === 'RotationNoChange') {
                return { kind: request.target.kind === 'newVersion' ? 'picksUp' : 'unchanged', registry };
            }
            return { kind: 'refused', registry, error };
        }
    });
    const policy = request.rotationPolicy ? await planPolicy(factory, request, kept, entries) : undefined;
    return { request, entries, grants: grantsOf(entries), policy };
}

/**
 * Where the rotation policy goes and what the signed-in user needs to write it, planned the way one registry's Enable
 * Automatic Rotation plans it (through the first registry that is not left out): the key permissions found missing are
 * added with the user's consent to the confirmation, before any change.
 */
async function planPolicy(
    factory: AzureClientFactory,
    request: FleetRotationRequest,
    kept: Pick<RotationRequest, 'key' | 'identity' | 'subscriptionIds'>,
    entries: readonly FleetEntry[],
): Promise<FleetPolicyPlan> {
    const through = entries.find((entry) => entry.kind !== 'refused');
    if (!through) {
        throw new DomainError('FleetRotationNothingToDo', { key: request.key.keyName, refused: String(entries.length) });
    }
    const consent = { grantAccess: true, grantPolicyRights: true };
    const plan = await planRotation(factory, { ...kept, registryId: through.registry.id, versionless: true, consent, rotationPolicy: request.rotationPolicy });
    return { vault: plan.vault, userRights: plan.policyRights };
}

/** The grants the plans need, one per (vault, identity), with the registries that wait for each. */
function grantsOf(entries: readonly FleetEntry[]): FleetGrant[] {
    const grants = new Map<string, { grant: Omit<FleetGrant, 'registries'>; registries: FleetRegistryRef[] }>();
    for (const entry of entries) {
        const principalId = entry.kind === 'change' && entry.plan.steps.has('grantAccess') ? entry.plan.identity.principalId : undefined;
        if (entry.kind !== 'change' || !principalId) {
            continue;
        }
        const { vault, identity } = entry.plan;
        const key = grantKey(vault.id, principalId);
        const found = grants.get(key) ?? {
            grant: { vault, principalId, identityName: identity.kind === 'user' ? identity.name : 'system' },
            registries: [] as FleetRegistryRef[],
        };
        found.registries.push(entry.registry);
        grants.set(key, found);
    }
    return [...grants.values()].map(({ grant, registries }) => ({ ...grant, registries }));
}

/** The key a grant is remembered by while running. */
export const grantKey = (vaultId: string, principalId: string): string => `${vaultId.toLowerCase()}|${principalId}`;
