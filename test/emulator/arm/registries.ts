import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResourceBody, ArmResponse, Registry } from '../types';
import { badRequest, resourceNotFound } from '../errors';
import { dotnetTime, lower, providerId } from '../ids';
import { writtenBy } from './systemData';
import { trackEncryptionIdentity } from './identityRemoval';
import { refuseContentTrustOnCmk } from './contentTrust';
import { findRegistryByName, requireGroup } from '../store';
import { pageOf } from '../paging';
import { registriesInScope } from '../registryIndex';
import { requireSubscription } from './subscriptions';
import { armBase, route, rx, SUB, RG, ok, type Route } from './route';
import { advance, onOperationComplete, settleOperationsFor, startOperation } from './operations';
import { identityJson } from './registryIdentity';
import { registryShape } from './registryShape';
import {
    REGISTRY_TYPE,
    newRegistryDraft,
    nextRegistryState,
    registryJson,
    registryNameProblem,
    requireNameAvailable,
    type RegistryRequestBody,
} from './registryModel';

const NAMESPACE = 'Microsoft.ContainerRegistry';

onOperationComplete('create', finish);
onOperationComplete('update', finish);
function finish(ctx: EmulatorContext, op: import('../types').AsyncOperation): void {
    const key = lower(op.resourceId);
    if (!op.fail && op.next) ctx.world.registries[key] = { ...op.next, provisioningState: 'Succeeded' };
    else if (op.kind === 'create' && ctx.world.registries[key]) ctx.world.registries[key]!.provisioningState = 'Failed';
    else if (op.previous) ctx.world.registries[key] = { ...op.previous, provisioningState: 'Succeeded' };
    delete op.next;
    delete op.previous;
}

function writeRegistry(ctx: EmulatorContext, req: ArmRequest, p: Record<string, string>): ArmResponse {
    const body = req.body as RegistryRequestBody | undefined;
    const group = requireGroup(ctx.world, p.sub!, p.rg!);
    const id = providerId(p.sub!, group.name, REGISTRY_TYPE, p.name!);
    settleOperationsFor(ctx, id);
    const current = ctx.world.registries[lower(id)];
    const isPatch = req.method === 'PATCH';
    if (!current && isPatch) throw resourceNotFound(REGISTRY_TYPE, p.name!, p.rg);
    if (!current) requireNameAvailable(ctx, p.name!, id);
    const location = current?.location ?? body?.location;
    if (typeof location !== 'string' || !location) throw badRequest('LocationRequired', 'The location property is required for this definition.');
    const draft = current ?? newRegistryDraft({ id, name: p.name!, subscriptionId: p.sub!, resourceGroup: group.name, location }, ctx.clock.date());
    const before = current ? (current.systemData ?? { createdAt: current.creationDate.replace(/Z$/, '+00:00') }) : undefined;
    const at = dotnetTime('+00:00', ctx.clock.date());
    const written = { systemData: writtenBy(req.principal, at, before), ...policyTimes(current, body, at) };
    const next = trackEncryptionIdentity(ctx, current, { ...nextRegistryState(ctx, current, draft, body, isPatch), ...written });
    refuseContentTrustOnCmk(next);
    const apiVersion = req.query['api-version']!;
    if (current && registryShape(apiVersion).synchronousUpdates && !req.lroFail && !provisionsIdentityOrKey(current, next)) {
        // ACR finishes such a write before answering: 200 with the result, nothing to poll (test_acr_create_normal,
        // `acr update --sku` / `--role-assignment-mode` at 2025-03-01-preview).
        const done: Registry = { ...next, provisioningState: 'Succeeded' };
        ctx.world.registries[lower(id)] = done;
        return ok(registryJson(ctx, done, apiVersion));
    }
    // Otherwise Azure answers 201 with the registry as it is now and an operation to poll under the registry: a create
    // shows the bare registry `Creating` (no identity yet, encryption not yet shown); an update shows `Updating` with its
    // `properties` already changed but the identity and encryption still the old ones (test_acr_with_anonymous_pull,
    // test_acr_identity, test_acr_encryption_with_cmk at 2021-08-01-preview). Tags and SKU are unrecorded there: kept old.
    const shown: Registry = current
        ? {
              ...current,
              properties: next.properties,
              systemData: next.systemData,
              retentionUpdatedAt: next.retentionUpdatedAt,
              softDeleteUpdatedAt: next.softDeleteUpdatedAt,
              provisioningState: 'Updating',
          }
        : { ...next, identity: undefined, encryption: { status: 'disabled' }, dataKey: undefined, provisioningState: 'Creating' };
    ctx.world.registries[lower(id)] = shown;
    const { op } = startOperation(
        ctx,
        {
            subscriptionId: p.sub!,
            location,
            resourceId: id,
            kind: current ? 'update' : 'create',
            fail: req.lroFail,
            next: { ...next, provisioningState: 'Succeeded' },
            previous: current,
        },
        NAMESPACE,
        apiVersion,
    );
    return {
        status: 201,
        body: registryJson(ctx, shown, apiVersion),
        headers: { 'azure-asyncoperation': registryOperationUrl(ctx, id, op.id, apiVersion), 'retry-after': '1' },
    };
}

/** A write that changes the registry's identities or its encryption key: ACR provisions it in the background. */
function provisionsIdentityOrKey(current: Registry, next: Registry): boolean {
    return (
        JSON.stringify(identityJson(current.identity) ?? null) !== JSON.stringify(identityJson(next.identity) ?? null) ||
        JSON.stringify(current.encryption) !== JSON.stringify(next.encryption)
    );
}

/** When the retention and soft-delete policies were last written: at creation, then only by a write that sends them. */
function policyTimes(
    current: Registry | undefined,
    body: RegistryRequestBody | undefined,
    at: string,
): Pick<Registry, 'retentionUpdatedAt' | 'softDeleteUpdatedAt'> {
    const sent = body?.properties?.policies ?? {};
    const created = current?.retentionUpdatedAt ?? current?.creationDate.replace(/Z$/, '+00:00');
    return {
        retentionUpdatedAt: !current || sent.retentionPolicy ? at : created,
        softDeleteUpdatedAt: !current || sent.softDeletePolicy ? at : (current.softDeleteUpdatedAt ?? created),
    };
}

// ACR names the operation `registries-{id}`; the emulator keeps the bare GUID because the fault matrix
// (test/integration/faults/requestPatterns.ts) generalizes only whole-GUID path segments (fidelity allow-list).
const registryOperationUrl = (ctx: EmulatorContext, registryId: string, operationId: string, apiVersion: string): string =>
    `${armBase(ctx)}${registryId}/operationStatuses/${operationId}?api-version=${encodeURIComponent(apiVersion)}`;

/** ACR's operation status: just `{"status"}` (plus the error when it failed), the status URL echoed back. */
function registryOperationStatus(ctx: EmulatorContext, req: ArmRequest, p: Record<string, string>): ArmResponse {
    const op = advance(ctx, p.op!);
    const registryId = providerId(p.sub!, p.rg!, REGISTRY_TYPE, p.name!);
    if (lower(op.resourceId) !== lower(registryId)) throw resourceNotFound(REGISTRY_TYPE, p.name!, p.rg);
    const headers: Record<string, string> = { 'azure-asyncoperation': registryOperationUrl(ctx, op.resourceId, op.id, req.query['api-version'] ?? '') };
    if (op.status === 'InProgress') headers['retry-after'] = '1';
    return { status: 200, body: { status: op.status, ...(op.error ? { error: op.error } : {}) }, headers };
}

function listRegistries(ctx: EmulatorContext, req: ArmRequest, scopeId: string, path: string): ArmResponse {
    const items = registriesInScope(ctx.world, lower(scopeId) + '/');
    const page = pageOf(items, req.query, `${armBase(ctx)}${path}`, '$top', 100);
    return ok({ ...page, value: page.value.map((r) => registryJson(ctx, r, req.query['api-version'])) });
}

const REGISTRIES = `${RG}/providers/Microsoft\\.ContainerRegistry/registries`;
export const registryRoutes: Route[] = [
    route('POST', rx(`${SUB}/providers/Microsoft\\.ContainerRegistry/checkNameAvailability`), (ctx, req, p) => {
        requireSubscription(ctx, p.sub!);
        const body = req.body as ArmResourceBody | undefined;
        if (lower(String(body?.type ?? '')) !== lower(REGISTRY_TYPE)) {
            throw badRequest('InvalidResourceType', `The resource type '${String(body?.type)}' is not valid; expected '${REGISTRY_TYPE}'.`);
        }
        const name = String(body?.name ?? '');
        const problem = registryNameProblem(name);
        if (problem) return ok({ nameAvailable: false, reason: 'Invalid', message: problem });
        if (findRegistryByName(ctx.world, name)) {
            return ok({ nameAvailable: false, reason: 'AlreadyExists', message: `The registry ${name} is already in use.` });
        }
        return ok({ nameAvailable: true });
    }),
    route('GET', rx(`${SUB}/providers/Microsoft\\.ContainerRegistry/registries`), (ctx, req, p) => {
        requireSubscription(ctx, p.sub!);
        return listRegistries(ctx, req, `/subscriptions/${p.sub}`, req.path);
    }),
    route('GET', rx(REGISTRIES), (ctx, req, p) => listRegistries(ctx, req, requireGroup(ctx.world, p.sub!, p.rg!).id, req.path)),
    route(['PUT', 'PATCH'], rx(`${REGISTRIES}/(?<name>[^/]+)`), writeRegistry),
    route('GET', rx(`${REGISTRIES}/(?<name>[^/]+)/operationStatuses/(?:registries-)?(?<op>[^/]+)`), registryOperationStatus),
    route('GET', rx(`${REGISTRIES}/(?<name>[^/]+)`), (ctx, req, p) => {
        requireGroup(ctx.world, p.sub!, p.rg!);
        const r = ctx.world.registries[lower(providerId(p.sub!, p.rg!, REGISTRY_TYPE, p.name!))];
        if (!r) throw resourceNotFound(REGISTRY_TYPE, p.name!, p.rg);
        return ok(registryJson(ctx, r, req.query['api-version']));
    }),
    route('DELETE', rx(`${REGISTRIES}/(?<name>[^/]+)`), (ctx, _req, p) => {
        requireGroup(ctx.world, p.sub!, p.rg!);
        const id = providerId(p.sub!, p.rg!, REGISTRY_TYPE, p.name!);
        const r = ctx.world.registries[lower(id)];
        if (!r) return { status: 204 };
        settleOperationsFor(ctx, id);
        delete ctx.world.registries[lower(id)];
        // ACR deletes synchronously: 200, empty body, no Location (Azure CLI recording test_acr_create_normal.yaml,
        // fidelity fixture acr-registry-delete), so clients never poll.
        return { status: 200 };
    }),
];
