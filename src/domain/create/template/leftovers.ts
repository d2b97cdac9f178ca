import { deploymentOperationsOf, validateDeployment } from '../../azure/deployments';
import { deleteResourceById, readResourceById } from '../../azure/resources';
import { getUserIdentityResource } from '../../azure/userIdentities';
import { getVaultResource, updateAccessPolicy } from '../../azure/vaults';
import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import { parseResourceId, resourceNameFromId } from '../../util/resourceId';
import { deploymentFailed, type DeployInput } from './deployTemplate';
import { apiVersionsOf, resourceTypeOf } from './templateResources';

/** What a deployment would create, as far as Azure can tell before it starts (ids that did not exist yet). */
export interface ResourcesBefore {
    /** Lower-cased ids the template declares that did not exist before the deployment, with the api-version to read them. */
    readonly absent: ReadonlyMap<string, { readonly id: string; readonly apiVersion: string }>;
}

/** A resource a failed deployment created (removable), or a grant it gave a managed identity it created. */
export type Leftover =
    | { readonly kind: 'resource'; readonly id: string; readonly type: string; readonly name: string; readonly apiVersion: string }
    | {
          readonly kind: 'accessPolicy';
          readonly vaultId: string;
          readonly vaultName: string;
          readonly objectId: string;
          readonly identityName: string;
          readonly permissions: readonly string[];
      };

const identityType = 'microsoft.managedidentity/userassignedidentities';
const roleAssignmentType = 'microsoft.authorization/roleassignments';
const accessPoliciesType = 'microsoft.keyvault/vaults/accesspolicies';
const deploymentType = 'microsoft.resources/deployments';
const vaultKeysType = 'microsoft.keyvault/vaults/keys';
const resourceGroupType = 'microsoft.resources/resourcegroups';

/**
 * Asks Resource Manager which resources the template declares (preflight validation: a template error stops here,
 * before any change), then which of them do not exist yet. Only those can be reported as left behind.
 */
export async function resourcesBefore(factory: AzureClientFactory, input: DeployInput): Promise<ResourcesBefore> {
    const deployment = { properties: { mode: 'Incremental', template: input.template, parameters: input.parameters } } as const;
    const validation = await validateDeployment(factory, input, deployment).catch((error: unknown) => {
        throw deploymentFailed(input, error); // Azure's preflight refused the template: nothing was deployed.
    });
    const versions = apiVersionsOf(input.template);
    const absent = new Map<string, { id: string; apiVersion: string }>();
    for (const { id } of validation.properties?.validatedResources ?? []) {
        const apiVersion = id ? versions.get(resourceTypeOf(id).toLowerCase()) : undefined;
        if (id && apiVersion && !isChildChange(id) && !(await readResourceById(factory, subscriptionOf(id) ?? '', id, apiVersion))) {
            absent.set(id.toLowerCase(), { id, apiVersion });
        }
    }
    return { absent };
}

/**
 * What a failed deployment left behind: every succeeded operation (nested deployments followed) on a resource that
 * did not exist before, and the key access it gave an identity it created (found on the vaults it touched).
 */
export async function findLeftovers(factory: AzureClientFactory, input: DeployInput, before: ResourcesBefore): Promise<Leftover[]> {
    const targets = await succeededTargets(factory, input.subscriptionId, input.resourceGroup, input.deploymentName);
    const created = targets.filter((id) => before.absent.has(id.toLowerCase()) && resourceTypeOf(id).toLowerCase() !== deploymentType);
    const leftovers: Leftover[] = created.map((id) => {
        const { apiVersion } = before.absent.get(id.toLowerCase())!;
        return { kind: 'resource', id, type: resourceTypeOf(id), name: resourceNameFromId(id), apiVersion };
    });
    const identities = await principalsOf(factory, leftovers);
    if (identities.size === 0) {
        return leftovers;
    }
    for (const id of targets) {
        const type = resourceTypeOf(id).toLowerCase();
        if (type === accessPoliciesType) {
            leftovers.push(...(await accessPolicyLeftovers(factory, id.replace(/\/accessPolicies\/[^/]+$/i, ''), identities)));
        } else if (type === roleAssignmentType && !before.absent.has(id.toLowerCase())) {
            const principal = await roleAssignmentPrincipal(factory, id);
            if (principal && identities.has(principal.toLowerCase())) {
                leftovers.push({ kind: 'resource', id, type: resourceTypeOf(id), name: resourceNameFromId(id), apiVersion: '2022-04-01' });
            }
        }
    }
    return leftovers;
}

/** The resource group a flow created for a deployment that then failed (deleted last, with whatever is still in it). */
export function resourceGroupLeftover(subscriptionId: string, resourceGroup: string): Leftover {
    return {
        kind: 'resource',
        id: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
        type: 'Microsoft.Resources/resourceGroups',
        name: resourceGroup,
        apiVersion: '2021-04-01',
    };
}

const vaultType = 'microsoft.keyvault/vaults';
const deleteOrder: Record<string, number> = { [roleAssignmentType]: 1, [identityType]: 2, [vaultKeysType]: 3, [vaultType]: 4, [resourceGroupType]: 5 };

/** Removes what `findLeftovers` found: the registry first, then grants, then identities, vaults last (they soft-delete). */
export async function removeLeftovers(factory: AzureClientFactory, subscriptionId: string, leftovers: readonly Leftover[]): Promise<void> {
    const rank = (leftover: Leftover) => (leftover.kind === 'accessPolicy' ? 1 : (deleteOrder[leftover.type.toLowerCase()] ?? 0));
    const deletedVaults = new Set(leftovers.flatMap((l) => (l.kind === 'resource' && l.type.toLowerCase() === vaultType ? [l.id.toLowerCase()] : [])));
    for (const leftover of [...leftovers].sort((a, b) => rank(a) - rank(b))) {
        if (leftover.kind === 'accessPolicy') {
            if (deletedVaults.has(leftover.vaultId.toLowerCase())) {
                continue;
            }
            const vault = parseResourceId(leftover.vaultId);
            const { tenantId } = (await getVaultResource(factory, vault)).properties;
            await updateAccessPolicy(factory, vault, 'remove', { tenantId, objectId: leftover.objectId, permissions: { keys: [...leftover.permissions] } });
            continue;
        }
        if (leftover.type.toLowerCase() === vaultKeysType) {
            continue; // Resource Manager cannot delete a key: it goes with its vault.
        }
        await deleteResourceById(factory, subscriptionOf(leftover.id) ?? subscriptionId, leftover.id, leftover.apiVersion);
    }
}

async function succeededTargets(factory: AzureClientFactory, subscriptionId: string, resourceGroup: string, deploymentName: string): Promise<string[]> {
    const found: string[] = [];
    for await (const operation of deploymentOperationsOf(factory, { subscriptionId, resourceGroup, deploymentName })) {
        const target = operation.properties?.targetResource?.id;
        if (!target || (operation.properties?.provisioningState?.toLowerCase() !== 'succeeded' && resourceTypeOf(target).toLowerCase() !== deploymentType)) {
            continue;
        }
        found.push(target);
        if (resourceTypeOf(target).toLowerCase() === deploymentType) {
            const nested = parseResourceId(target);
            found.push(...(await succeededTargets(factory, nested.subscriptionId, nested.resourceGroup, nested.name)));
        }
    }
    return found;
}

/** principalId → identity name of the identities among the leftovers (read before they are removed). */
async function principalsOf(factory: AzureClientFactory, leftovers: readonly Leftover[]): Promise<Map<string, string>> {
    const principals = new Map<string, string>();
    for (const leftover of leftovers) {
        if (leftover.kind === 'resource' && leftover.type.toLowerCase() === identityType) {
            const ref = parseResourceId(leftover.id);
            const { principalId } = await getUserIdentityResource(factory, ref);
            if (principalId) {
                principals.set(principalId.toLowerCase(), ref.name);
            }
        }
    }
    return principals;
}

async function accessPolicyLeftovers(factory: AzureClientFactory, vaultId: string, identities: ReadonlyMap<string, string>): Promise<Leftover[]> {
    const vault = parseResourceId(vaultId);
    const properties = (await getVaultResource(factory, vault)).properties;
    return (properties.accessPolicies ?? [])
        .filter((policy) => identities.has(policy.objectId.toLowerCase()))
        .map((policy) => ({
            kind: 'accessPolicy',
            vaultId,
            vaultName: vault.name,
            objectId: policy.objectId,
            identityName: identities.get(policy.objectId.toLowerCase())!,
            permissions: policy.permissions.keys ?? [],
        }));
}

async function roleAssignmentPrincipal(factory: AzureClientFactory, id: string): Promise<string | undefined> {
    const assignment = await readResourceById(factory, subscriptionOf(id) ?? '', id, '2022-04-01').catch(() => undefined);
    return (assignment?.properties as { principalId?: string } | undefined)?.principalId;
}

/** A change inside another resource (an access policy is part of its vault), never a resource of its own. */
function isChildChange(id: string): boolean {
    return resourceTypeOf(id).toLowerCase() === accessPoliciesType;
}

function subscriptionOf(id: string): string | undefined {
    return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1];
}
