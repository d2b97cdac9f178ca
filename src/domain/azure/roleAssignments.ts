import type { Permission, RoleAssignment, RoleAssignmentCreateParameters, RoleDefinition } from '@azure/arm-authorization';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { ParsedResourceId } from '../util/resourceId';

// Azure RBAC (Microsoft.Authorization): role assignments, role definitions and the caller's own permissions.

/** The principal's role assignments that reach `scope` (made there or above it). */
export async function* roleAssignmentsAt(
    factory: AzureClientFactory,
    subscriptionId: string,
    scope: string,
    principalId: string,
): AsyncIterable<RoleAssignment> {
    yield* (await factory.authorization(subscriptionId)).roleAssignments.listForScope(scope, { filter: `principalId eq '${principalId}'` });
}

export async function readRoleDefinition(factory: AzureClientFactory, subscriptionId: string, roleDefinitionId: string): Promise<RoleDefinition> {
    return (await factory.authorization(subscriptionId)).roleDefinitions.getById(roleDefinitionId);
}

/** A PUT of the assignment under `name` (a GUID): sent again with the same name, it is the same assignment. */
export async function createRoleAssignment(
    factory: AzureClientFactory,
    subscriptionId: string,
    scope: string,
    name: string,
    body: RoleAssignmentCreateParameters,
): Promise<RoleAssignment> {
    return (await factory.authorization(subscriptionId)).roleAssignments.create(scope, name, body);
}

export async function deleteRoleAssignment(factory: AzureClientFactory, subscriptionId: string, id: string): Promise<void> {
    await (await factory.authorization(subscriptionId)).roleAssignments.deleteById(id);
}

/** The caller's permissions at a resource (`GET {id}/providers/Microsoft.Authorization/permissions`), one entry per assignment. */
export async function* permissionsAtResource(factory: AzureClientFactory, resource: ParsedResourceId): AsyncIterable<Permission> {
    yield* (await factory.authorization(resource.subscriptionId)).permissions.listForResource(
        resource.resourceGroup,
        resource.provider,
        '',
        resource.type,
        resource.name,
    );
}

/** As `permissionsAtResource`, at a resource group. */
export async function* permissionsAtGroup(factory: AzureClientFactory, subscriptionId: string, resourceGroup: string): AsyncIterable<Permission> {
    yield* (await factory.authorization(subscriptionId)).permissions.listForResourceGroup(resourceGroup);
}
