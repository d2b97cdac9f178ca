// The emulator's world model. Everything here is plain JSON so the world can be persisted and dumped.
import type { RegistryContent } from './registryData/contentTypes';
import type { ErrorBody } from './deployments/deploymentError';
import type { DeploymentOperationRecord } from './deployments/types';
import type { Workspace } from './arm/workspaces';
import type { DiagnosticSetting } from './arm/diagnosticSettings';

export interface ServicePrincipal {
    clientId: string;
    clientSecret: string;
    objectId: string;
    displayName: string;
}
/** A member (user) of the tenant: signs in interactively, has no secret; authorized by its object id like any principal. */
export interface TenantUser {
    upn: string;
    objectId: string;
    displayName: string;
}
export interface Subscription {
    subscriptionId: string;
    displayName: string;
}
export interface ResourceGroup {
    id: string;
    name: string;
    subscriptionId: string;
    location: string;
    tags: Record<string, string>;
}

export interface TrackedResource {
    id: string;
    name: string;
    subscriptionId: string;
    resourceGroup: string;
    location: string;
    tags: Record<string, string>;
}

export interface UserAssignedIdentity extends TrackedResource {
    principalId: string;
    clientId: string;
    tenantId: string;
}

export interface KeyAttributes {
    enabled: boolean;
    created: number;
    updated: number;
    exp?: number;
    nbf?: number;
}
export interface KeyVersion {
    version: string;
    kty: string;
    keySize?: number;
    crv?: string;
    materialId: string;
    publicJwk: Record<string, string>;
    keyOps: string[];
    attributes: KeyAttributes;
    tags: Record<string, string>;
}
export interface VaultKey {
    name: string;
    versions: KeyVersion[];
    rotationPolicy?: KeyRotationPolicy;
    deleted?: { deletedDate: number; scheduledPurgeDate: number };
}

/** A key's rotation policy as stored (and answered) by the vault. */
export interface KeyRotationPolicy {
    id: string;
    lifetimeActions: unknown[];
    attributes: { expiryTime?: string; created: number; updated: number };
}
export interface AccessPolicy {
    tenantId: string;
    objectId: string;
    applicationId?: string;
    permissions: Record<string, string[]>;
}
export interface NetworkAcls {
    bypass?: string;
    defaultAction?: string;
    ipRules?: { value: string }[];
    virtualNetworkRules?: { id: string }[];
}
export interface VaultProperties {
    tenantId: string;
    sku: { family: string; name: string };
    accessPolicies: AccessPolicy[];
    enableSoftDelete: boolean;
    softDeleteRetentionInDays: number;
    enablePurgeProtection?: boolean;
    enableRbacAuthorization: boolean;
    /** whether a request ever set enableRbacAuthorization (Azure shows it then, or when true) */ rbacSent?: boolean;
    networkAcls?: NetworkAcls;
    publicNetworkAccess: string;
    /** absent until a request sets them, as Azure shows them */
    enabledForDeployment?: boolean;
    enabledForDiskEncryption?: boolean;
    enabledForTemplateDeployment?: boolean;
}
export interface Vault extends TrackedResource {
    properties: VaultProperties;
    keys: Record<string, VaultKey>;
    systemData?: SystemData;
}
export interface DeletedVault {
    vault: Vault;
    deletionDate: string;
    scheduledPurgeDate: string;
}

export interface RoleAssignment {
    id: string;
    name: string;
    scope: string;
    roleDefinitionId: string;
    principalId: string;
    principalType: string;
    createdOn: string;
    /** as Authorization writes them: object ids of who created / last wrote it (null for seeded ones), the optional ABAC condition and description */
    updatedOn?: string;
    createdBy?: string;
    updatedBy?: string;
    condition?: string;
    conditionVersion?: string;
    description?: string;
}

export interface RegistryIdentity {
    type: string;
    principalId?: string;
    tenantId?: string;
    userAssignedIdentities?: Record<string, { principalId: string; clientId: string }>;
}
export interface RegistryEncryption {
    status: 'enabled' | 'disabled';
    keyVaultProperties?: {
        keyIdentifier: string;
        versionedKeyIdentifier: string;
        identity: string;
        keyRotationEnabled: boolean;
        lastKeyRotationTimestamp?: string;
    };
}
/** The registry's data key, wrapped by its vault key: what key-access really unwraps. */
export interface WrappedDataKey {
    wrappedKey: string;
    algorithm: string;
    keyId: string;
    digest: string;
}
export interface Registry extends TrackedResource {
    sku: string;
    identity?: RegistryIdentity;
    properties: Record<string, unknown>;
    encryption: RegistryEncryption;
    provisioningState: string;
    creationDate: string;
    dataKey?: WrappedDataKey;
    systemData?: SystemData;
    /** when the retention / soft-delete policy was last written (at creation, then by a write that sends the policy) */
    retentionUpdatedAt?: string;
    softDeleteUpdatedAt?: string;
    /** the encryption identity after a write removed it from the registry: it keeps working for a grace period (arm/identityRemoval.ts) */
    removedEncryptionIdentity?: RemovedEncryptionIdentity;
}
export interface RemovedEncryptionIdentity {
    principalId: string;
    clientId?: string;
    system: boolean;
    removedAt: string;
}

export interface AsyncOperation {
    id: string;
    subscriptionId: string;
    location: string;
    resourceId: string;
    kind: 'create' | 'update' | 'delete' | 'deployment';
    pollsRemaining: number;
    status: 'InProgress' | 'Succeeded' | 'Failed';
    startTime: string;
    endTime?: string;
    fail?: boolean;
    next?: Registry;
    previous?: Registry;
    error?: { code: string; message: string };
}

export interface Deployment {
    id: string;
    name: string;
    subscriptionId: string;
    resourceGroup: string;
    provisioningState: string;
    timestamp: string;
    template: unknown;
    parameters: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    outputResources?: { id: string }[];
    /** ARM's error JSON, details nested as deep as the failure (a nested deployment's own error with its details). */
    error?: ErrorBody;
    operationId: string;
    mode: string;
    /** Its deployment operations (`.../deployments/{name}/operations`), as the engine performed them. */
    operations?: DeploymentOperationRecord[];
}

export interface World {
    tenantId: string;
    principals: Record<string, ServicePrincipal>; // key: clientId (lower case)
    /** absent in worlds saved before users existed */
    users?: Record<string, TenantUser>; // key: upn (lower case)
    subscriptions: Record<string, Subscription>; // key: subscription id (lower case)
    groups: Record<string, ResourceGroup>; // key: resource id (lower case), also below
    identities: Record<string, UserAssignedIdentity>;
    vaults: Record<string, Vault>;
    deletedVaults: Record<string, DeletedVault>; // key: vault name (lower case): vault names are global
    roleAssignments: Record<string, RoleAssignment>;
    registries: Record<string, Registry>;
    operations: Record<string, AsyncOperation>;
    deployments: Record<string, Deployment>;
    keyMaterial: Record<string, string>; // materialId -> PKCS#8 PEM (never dumped by the admin API)
    /** the registries' data plane content (images), key: registry id (lower case); absent in worlds saved before it existed */
    registryContent?: Record<string, RegistryContent>;
    /** Log Analytics workspaces, key: resource id (lower case); absent in worlds saved before they existed */
    workspaces?: Record<string, Workspace>;
    /** diagnostic settings, key: `<target id>/providers/microsoft.insights/diagnosticsettings/<name>` (lower case) */
    diagnosticSettings?: Record<string, DiagnosticSetting>;
}

/** The authenticated caller of an ARM or vault request (claims of the validated token). */
export interface Principal {
    objectId: string;
    appId: string;
    tenantId: string;
    clientIp?: string;
    /** set for a user's (delegated) token */ upn?: string;
}
/** Resource Manager's `systemData`: who created and last changed a resource, and when. */
export interface SystemData {
    createdBy: string;
    createdByType: string;
    createdAt: string;
    lastModifiedBy: string;
    lastModifiedByType: string;
    lastModifiedAt: string;
}

/**
 * The envelope of an ARM resource write as the handlers read it. The body is the client's JSON, unchecked: a handler
 * views `ArmRequest.body` through this (or its resource's own shape) and checks each field it uses.
 */
export interface ArmResourceBody<Properties = Record<string, unknown>> {
    location?: string;
    tags?: Record<string, string>;
    name?: unknown;
    type?: unknown;
    properties?: Properties;
}

export interface ArmRequest {
    method: string;
    path: string;
    query: Record<string, string>;
    /** the parsed JSON body (undefined when there is none) */
    body: unknown;
    principal: Principal;
    /** set by a fault rule `{lroFail: true}`: the long-running operation started by this request ends Failed */
    lroFail?: boolean;
}
export interface ArmResponse {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
}
