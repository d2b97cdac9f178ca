import type { EmulatorContext } from '../context';
import type { ArmResourceBody, Registry } from '../types';
import { badRequest, conflict } from '../errors';
import { dotnetTime, lower } from '../ids';
import { findRegistryByName } from '../store';
import { nextRegistryIdentity, identityJson, type RegistryIdentityRequest } from './registryIdentity';
import { establishEncryption, identityNotAccessible, rotationTimestamp, type KeyVaultPropertiesRequest } from './registryEncryption';
import { registryShape, shapeRegistryProperties } from './registryShape';

export const REGISTRY_TYPE = 'Microsoft.ContainerRegistry/registries';
const SKUS = ['Basic', 'Standard', 'Premium'];
const MUTABLE = [
    'adminUserEnabled',
    'policies',
    'publicNetworkAccess',
    'networkRuleBypassOptions',
    'anonymousPullEnabled',
    'dataEndpointEnabled',
    'networkRuleSet',
    'metadataSearch',
    'roleAssignmentMode',
];

/** A registry write's body as the client sends it: unchecked JSON, each field checked where nextRegistryState reads it. */
export interface RegistryRequestBody extends ArmResourceBody<RegistryRequestProperties> {
    sku?: { name?: unknown };
    identity?: RegistryIdentityRequest | null;
}
export type RegistryRequestProperties = Record<string, unknown> & {
    encryption?: { status?: unknown; keyVaultProperties?: KeyVaultPropertiesRequest };
    policies?: Record<string, unknown>;
};

export const registryNameProblem = (name: string): string | undefined =>
    /^[a-zA-Z0-9]{5,50}$/.test(name)
        ? undefined
        : `Registry name '${name}' is invalid: it may contain only alphanumeric characters and must be between 5 and 50 characters long.`;

export function requireNameAvailable(ctx: EmulatorContext, name: string, id: string): void {
    const problem = registryNameProblem(name);
    if (problem) throw badRequest('InvalidResourceName', problem);
    const taken = findRegistryByName(ctx.world, name);
    if (taken && lower(taken.id) !== lower(id)) {
        throw conflict(
            'AlreadyInUse',
            `The registry DNS name ${lower(name)}${ctx.env.acrLoginServerSuffix} is already in use. You can check if the name is already claimed using following API: https://docs.microsoft.com/en-us/rest/api/containerregistry/registries/checknameavailability`,
        );
    }
}

function skuOf(body: RegistryRequestBody | undefined, fallback?: string): string {
    const name = body?.sku?.name ?? fallback;
    const sku = SKUS.find((s) => lower(s) === lower(String(name ?? '')));
    if (!sku) throw badRequest('InvalidSku', `The SKU '${name}' is not valid. Valid SKUs: ${SKUS.join(', ')}.`);
    return sku;
}

const keyPropsDiffer = (a: KeyVaultPropertiesRequest, b: KeyVaultPropertiesRequest | undefined): boolean =>
    lower(String(a?.keyIdentifier ?? '')) !== lower(String(b?.keyIdentifier ?? '')) || lower(String(a?.identity ?? '')) !== lower(String(b?.identity ?? ''));

/**
 * The registry as it will be after a create (current undefined), PUT over an existing one, or PATCH, with every
 * ACR rule enforced: Premium for CMK, encryption only at creation and never disabled, a valid encryption
 * identity, and real get/wrap/unwrap access to the key when encryption is set or rotated.
 */
export function nextRegistryState(
    ctx: EmulatorContext,
    current: Registry | undefined,
    draft: Registry,
    body: RegistryRequestBody | undefined,
    isPatch: boolean,
): Registry {
    const props: RegistryRequestProperties = body?.properties ?? {};
    normalizeKeyVaultPropertyNames(props);
    const next: Registry = {
        ...draft,
        sku: skuOf(body, current?.sku),
        tags: body?.tags ?? current?.tags ?? {},
        identity: nextRegistryIdentity(ctx, current?.identity, body?.identity, isPatch),
        properties: { ...(current?.properties ?? {}) },
    };
    for (const k of MUTABLE) if (props[k] !== undefined) next.properties[k] = props[k];
    const wanted = props.encryption;
    const wantsCmk = wanted && (lower(String(wanted.status ?? '')) === 'enabled' || wanted.keyVaultProperties?.keyIdentifier);
    const hasCmk = current?.encryption.status === 'enabled';
    if (!current || !hasCmk) {
        if (current && wantsCmk) {
            throw badRequest(
                'EncryptionNotAllowedOnUpdate',
                'Customer-managed key encryption can only be enabled when the registry is created; it cannot be enabled on an existing registry.',
            );
        }
        if (!wantsCmk) return { ...next, encryption: { status: 'disabled' } };
    } else if (wanted && lower(String(wanted.status ?? 'enabled')) === 'disabled') {
        throw badRequest('EncryptionCannotBeDisabled', 'Customer-managed key encryption cannot be disabled once it is enabled on a registry.');
    }
    if (next.sku !== 'Premium') {
        throw badRequest(
            'InvalidSkuForEncryption',
            `Customer-managed key encryption is supported only for Premium registries; the registry SKU is ${next.sku}.`,
        );
    }
    if (current && hasCmk && !(wanted?.keyVaultProperties && keyPropsDiffer(wanted.keyVaultProperties, current.encryption.keyVaultProperties))) {
        return { ...next, encryption: current.encryption, dataKey: current.dataKey }; // unchanged encryption: no rotation
    }
    const kvp = { ...(current?.encryption.keyVaultProperties ?? {}), ...(wanted?.keyVaultProperties ?? {}) };
    const kvpIdentity = kvp.identity;
    if (
        current &&
        hasCmk &&
        typeof kvpIdentity === 'string' &&
        !/^system$/i.test(kvpIdentity) &&
        !Object.values(next.identity?.userAssignedIdentities ?? {}).some(
            (u) => lower(u.clientId) === lower(kvpIdentity) || lower(u.principalId) === lower(kvpIdentity),
        )
    ) {
        throw identityNotAccessible(next, kvpIdentity); // rotation with an identity the registry no longer has
    }
    const { encryption, dataKey } = establishEncryption(ctx, next, next.identity, kvp);
    if (current && hasCmk) {
        // "Timestamp of the last successful key rotation" (ACR's REST spec): a change of the key version in use. Switching
        // only the identity that reaches the same key version rotates nothing, and leaves the timestamp as it was.
        const before = current.encryption.keyVaultProperties;
        const rotated = lower(String(encryption.keyVaultProperties!.versionedKeyIdentifier ?? '')) !== lower(String(before?.versionedKeyIdentifier ?? ''));
        const timestamp = rotated ? rotationTimestamp(ctx) : before?.lastKeyRotationTimestamp;
        if (timestamp) encryption.keyVaultProperties!.lastKeyRotationTimestamp = timestamp;
        else delete encryption.keyVaultProperties!.lastKeyRotationTimestamp;
    }
    return { ...next, encryption, dataKey };
}

export function registryJson(ctx: EmulatorContext, r: Registry, apiVersion?: string): unknown {
    const kvp = r.encryption.keyVaultProperties;
    const created = seededTime(r.creationDate);
    const retention = r.retentionUpdatedAt ?? created;
    const properties = shapeRegistryProperties(registryShape(apiVersion), r.sku, r.properties, { retention, softDelete: r.softDeleteUpdatedAt ?? retention });
    return {
        id: r.id,
        name: r.name,
        type: REGISTRY_TYPE,
        location: r.location,
        tags: r.tags,
        sku: { name: r.sku, tier: r.sku },
        ...(r.identity ? { identity: identityJson(r.identity) } : {}),
        systemData: r.systemData ?? { createdAt: created, createdByType: 'Application', lastModifiedAt: created },
        properties: {
            loginServer: `${lower(r.name)}${ctx.env.acrLoginServerSuffix}`,
            creationDate: r.creationDate,
            provisioningState: r.provisioningState,
            ...properties,
            encryption: kvp ? { status: 'enabled', keyVaultProperties: { ...kvp } } : { status: 'disabled' },
        },
    };
}

/** A seeded registry's creationDate (`…Z`) in the `+00:00` form ACR uses inside systemData and policies. */
const seededTime = (creationDate: string): string => creationDate.replace(/Z$/, '+00:00');

export const newRegistryDraft = (init: Pick<Registry, 'id' | 'name' | 'subscriptionId' | 'resourceGroup' | 'location'>, at: Date): Registry => ({
    ...init,
    tags: {},
    sku: 'Basic',
    properties: {},
    encryption: { status: 'disabled' },
    provisioningState: 'Succeeded',
    creationDate: dotnetTime('Z', at),
});

/** ARM reads property names case-insensitively: the source document's template writes `KeyIdentifier`. */
function normalizeKeyVaultPropertyNames(props: RegistryRequestProperties): void {
    const kvp = props.encryption?.keyVaultProperties;
    if (!kvp || typeof kvp !== 'object') return;
    props.encryption!.keyVaultProperties = Object.fromEntries(Object.entries(kvp).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v]));
}
