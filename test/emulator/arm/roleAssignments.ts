import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResourceBody, ArmResponse, RoleAssignment } from '../types';
import { ArmError, badRequest, conflict, notFound } from '../errors';
import { dotnetTime, inScopeOf, isGuid, lower, parseResourceId } from '../ids';
import { directoryObjectType, principalExists, findGroup } from '../store';
import { findRole, roleDefinitionResourceId, getRoleDefinition, listRoleDefinitions } from './roleDefinitions';
import { requireSubscription } from './subscriptions';
import { route, rx, listOf, ok, type Route } from './route';

/** Authorization writes .NET round-trip times with 7 fraction digits and `Z` (recorded: `2022-05-07T06:58:23.4805673Z`). */
const authorizationTime = (iso: string): string => dotnetTime('Z', new Date(iso));

/**
 * The assignment as Authorization answers it (api-version 2020-04-01-preview and later, recorded in the Azure CLI's
 * test_role_assignment_create_update.yaml): every property present, null when unset. The PUT's own answer has
 * `createdBy: null` and the writer in `updatedBy`; reads, lists and DELETE name the creator too.
 */
const json = (a: RoleAssignment, answerToPut = false): unknown => ({
    id: a.id,
    name: a.name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
        roleDefinitionId: a.roleDefinitionId,
        principalId: a.principalId,
        principalType: a.principalType,
        scope: a.scope,
        condition: a.condition ?? null,
        conditionVersion: a.conditionVersion ?? null,
        createdOn: authorizationTime(a.createdOn),
        updatedOn: authorizationTime(a.updatedOn ?? a.createdOn),
        createdBy: answerToPut ? null : (a.createdBy ?? null),
        updatedBy: a.updatedBy ?? null,
        delegatedManagedIdentityResourceId: null,
        description: a.description ?? null,
    },
});

const assignmentId = (scope: string, name: string): string => `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;

/** The scope must exist: a subscription, a resource group in it, or a resource the emulator knows. */
function requireScope(ctx: EmulatorContext, scope: string): void {
    const parsed = parseResourceId(scope);
    if (!parsed) {
        if (scope === '' || scope === '/') return;
        throw badRequest('InvalidScope', `The scope '${scope}' is not valid.`);
    }
    requireSubscription(ctx, parsed.subscriptionId);
    if (parsed.resourceGroup && !findGroup(ctx.world, parsed.subscriptionId, parsed.resourceGroup)) {
        throw notFound('ResourceGroupNotFound', `Resource group '${parsed.resourceGroup}' could not be found.`);
    }
    if (parsed.type) {
        const w = ctx.world;
        const key = lower(scope.replace(/\/$/, ''));
        if (!w.vaults[key] && !w.registries[key] && !w.identities[key]) {
            throw notFound('ResourceNotFound', `The Resource '${parsed.type}/${parsed.name}' under resource group '${parsed.resourceGroup}' was not found.`);
        }
    }
}

/** What a PUT may set besides the principal and role, kept as sent (Azure's checks of conditions are not modelled). */
function optionalProperties(props: Record<string, unknown>): Pick<RoleAssignment, 'condition' | 'conditionVersion' | 'description'> {
    const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
    const condition = text(props.condition);
    return {
        ...(condition ? { condition, ...(text(props.conditionVersion) ? { conditionVersion: text(props.conditionVersion) } : {}) } : {}),
        ...(text(props.description) ? { description: text(props.description) } : {}),
    };
}

function putAssignment(ctx: EmulatorContext, req: ArmRequest, scope: string, name: string): ReturnType<Route['handle']> {
    if (!isGuid(name)) throw badRequest('InvalidRoleAssignmentId', `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`);
    requireScope(ctx, scope);
    const body = req.body as
        ArmResourceBody<{ roleDefinitionId?: unknown; principalId?: unknown; principalType?: string } & Record<string, unknown>> | undefined;
    const props = body?.properties ?? {};
    const role = findRole(String(props.roleDefinitionId ?? ''));
    if (!role) {
        throw badRequest(
            'RoleDefinitionDoesNotExist',
            `The specified role definition with ID '${String(props.roleDefinitionId ?? '')
                .split('/')
                .pop()}' does not exist.`,
        );
    }
    if (!isGuid(props.principalId)) throw badRequest('InvalidPrincipalId', 'A valid principal ID must be provided for role assignment.');
    const principalId = props.principalId;
    // Azure skips the directory lookup when principalType is given (replication delay); so does the emulator.
    if (!props.principalType && !principalExists(ctx.world, principalId)) {
        throw badRequest(
            'PrincipalNotFound',
            `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${ctx.world.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
        );
    }
    const id = assignmentId(scope, name);
    const roleDefinitionId = roleDefinitionResourceId(scope, role.id);
    const existing = ctx.world.roleAssignments[lower(id)];
    if (existing) {
        if (lower(existing.principalId) !== lower(principalId) || findRole(existing.roleDefinitionId)?.id !== role.id) {
            throw badRequest('RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.');
        }
        Object.assign(existing, optionalProperties(props), { updatedOn: ctx.clock.iso(), updatedBy: req.principal.objectId });
        return ok(json(existing, true), 201);
    }
    const duplicate = Object.values(ctx.world.roleAssignments).find(
        (a) => lower(a.scope) === lower(scope) && lower(a.principalId) === lower(principalId) && findRole(a.roleDefinitionId)?.id === role.id,
    );
    if (duplicate) throw conflict('RoleAssignmentExists', 'The role assignment already exists.');
    const assignment: RoleAssignment = {
        id,
        name: lower(name),
        scope,
        roleDefinitionId,
        principalId,
        principalType: props.principalType ?? directoryObjectType(ctx.world, principalId) ?? 'ServicePrincipal',
        createdOn: ctx.clock.iso(),
        createdBy: req.principal.objectId,
        updatedBy: req.principal.objectId,
        ...optionalProperties(props),
    };
    ctx.world.roleAssignments[lower(id)] = assignment;
    return ok(json(assignment, true), 201);
}

function listAssignments(ctx: EmulatorContext, req: ArmRequest, scope: string): ReturnType<Route['handle']> {
    const filter = req.query['$filter'] ?? '';
    const principal = /(?:principalId\s+eq\s+|assignedTo\()'([^']+)'/i.exec(filter)?.[1];
    const atScope = /atScope\(\)/i.test(filter);
    const items = Object.values(ctx.world.roleAssignments).filter((a) => {
        const above = inScopeOf(scope, a.scope);
        if (!(above || (!atScope && inScopeOf(a.scope, scope)))) return false;
        return principal === undefined || lower(a.principalId) === lower(principal);
    });
    return listOf(items.map((a) => json(a)));
}

/**
 * `GET {scope}/providers/Microsoft.Authorization/permissions`: what the caller may do at a scope, one entry per role
 * assignment at or above it (as Azure answers). A tenant member's come from its assignments; the emulator's service
 * principal is authorized for every Resource Manager action without assignments, so it gets `*`.
 */
function listPermissions(ctx: EmulatorContext, req: ArmRequest, scope: string): ArmResponse {
    const isUser = Object.values(ctx.world.users ?? {}).some((u) => lower(u.objectId) === lower(req.principal.objectId));
    if (!isUser) return listOf([{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }]);
    const roles = Object.values(ctx.world.roleAssignments)
        .filter((a) => lower(a.principalId) === lower(req.principal.objectId) && inScopeOf(scope, a.scope))
        .map((a) => findRole(a.roleDefinitionId))
        .filter((role): role is NonNullable<typeof role> => !!role);
    return listOf(roles.map((role) => ({ actions: role.actions, notActions: [], dataActions: role.dataActions, notDataActions: [] })));
}

const SCOPE = '^(?<scope>(?:/.*)?)/providers/Microsoft\\.Authorization';
export const roleRoutes: Route[] = [
    route('GET', rx(`${SCOPE}/roleAssignments`), (ctx, req, p) => listAssignments(ctx, req, p.scope!)),
    route('PUT', rx(`${SCOPE}/roleAssignments/(?<name>[^/]+)`), (ctx, req, p) => putAssignment(ctx, req, p.scope!, p.name!)),
    route(['GET', 'DELETE'], rx(`${SCOPE}/roleAssignments/(?<name>[^/]+)`), (ctx, req, p) => {
        const key = lower(assignmentId(p.scope!, p.name!));
        const found = ctx.world.roleAssignments[key];
        if (!found) {
            if (req.method === 'DELETE') return { status: 204 };
            throw new ArmError(404, 'RoleAssignmentNotFound', `The role assignment '${p.name}' is not found.`);
        }
        if (req.method === 'DELETE') delete ctx.world.roleAssignments[key];
        return ok(json(found));
    }),
    route('GET', rx(`${SCOPE}/permissions`), (ctx, req, p) => listPermissions(ctx, req, p.scope!)),
    route('GET', rx(`${SCOPE}/roleDefinitions`), (_ctx, req, p) => listRoleDefinitions(req, p.scope!)),
    route('GET', rx(`${SCOPE}/roleDefinitions/(?<id>[^/]+)`), (_ctx, req, p) => getRoleDefinition(req, p.scope!, p.id!)),
];
