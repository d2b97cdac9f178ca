import { publicEncrypt, constants, randomBytes } from 'node:crypto';
import type { EmulatorContext } from './context';
import type { KeyVersion, Registry, TenantUser, Vault, World } from './types';
import { emptyWorld } from './store';
import { dotnetTime, guid, groupId, lower, providerId, seededRandom } from './ids';
import { EmulatorClock } from './clock';
import { keyObjects, digestOf } from './keyvault/crypto';
import { IDENTITY_TYPE } from './arm/identities';
import { VAULT_TYPE } from './arm/vaultLifecycle';
import { REGISTRY_TYPE } from './arm/registryModel';
import { seedImages } from './registryData/seedImages';
import { newWorkspace } from './arm/workspaces';

export interface SeedSpec {
    subscriptions: number;
    registries: number;
    cmk: number;
    sample: boolean;
}
const ALL_KEY_PERMISSIONS = [
    'get',
    'list',
    'update',
    'create',
    'import',
    'delete',
    'recover',
    'backup',
    'restore',
    'decrypt',
    'encrypt',
    'unwrapKey',
    'wrapKey',
    'verify',
    'sign',
    'purge',
    'rotate',
    'getrotationpolicy',
    'setrotationpolicy',
];
const CMK_PERMISSIONS = ['get', 'wrapKey', 'unwrapKey'];
const ROLE = {
    officer: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
    encryptionUser: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
    owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
};

export function parseSeed(spec: string | undefined): SeedSpec {
    if (!spec) return { subscriptions: 2, registries: 0, cmk: 0, sample: false };
    if (spec === 'sample') return { subscriptions: 3, registries: 12, cmk: 0.5, sample: true };
    const values = Object.fromEntries(spec.split(',').map((kv) => kv.split('=').map((s) => s.trim()) as [string, string]));
    const n = (k: string, d: number): number => (values[k] === undefined ? d : Number(values[k]));
    const parsed = { subscriptions: n('subscriptions', 2), registries: n('registries', 0), cmk: n('cmk', 0.3), sample: false };
    if (![parsed.subscriptions, parsed.registries, parsed.cmk].every(Number.isFinite) || parsed.subscriptions < 1 || parsed.cmk < 0 || parsed.cmk > 1) {
        throw new Error(`invalid --seed '${spec}': expected subscriptions=N,registries=M,cmk=0..1 or 'sample'`);
    }
    return parsed;
}

/** The fixed identity of the emulated tenant: same ids on every start, so tools and saved configs keep working. */
export function baseWorld(): World {
    const rand = seededRandom('acr-cmk-emulator/tenant');
    const world = emptyWorld(guid(rand));
    const clientId = guid(rand);
    world.principals[clientId] = {
        clientId,
        objectId: guid(rand),
        clientSecret: `emu~${Buffer.from(guid(rand)).toString('base64url').slice(0, 32)}`,
        displayName: 'acr-cmk-emulator-sp',
    };
    world.users = seedUsers();
    return world;
}

/** The tenant's people (own PRNG stream, so the ids above never move): an owner of everything, a reader of one subscription, one with no role. */
export const SEED_USERS = { owner: 'owner@emulator.localhost', reader: 'reader@emulator.localhost', noRole: 'norole@emulator.localhost' } as const;

function seedUsers(): Record<string, TenantUser> {
    const rand = seededRandom('acr-cmk-emulator/users');
    const users: TenantUser[] = [
        { upn: SEED_USERS.owner, objectId: guid(rand), displayName: 'Olivia Owner' },
        { upn: SEED_USERS.reader, objectId: guid(rand), displayName: 'Riley Reader' },
        { upn: SEED_USERS.noRole, objectId: guid(rand), displayName: 'Nico Norole' },
    ];
    return Object.fromEntries(users.map((u) => [lower(u.upn), u]));
}

/**
 * Owner on every subscription, Reader on the first only (subscription scope, as the portal assigns them). Own PRNG
 * stream per seed text, so the assignment names are the same on every start of the same world and move nothing else.
 */
function assignUserRoles(world: World, specText: string, createdOn: string): void {
    const rand = seededRandom(`acr-cmk-emulator/user-roles/${specText}`);
    const users = world.users ?? {};
    const subs = Object.keys(world.subscriptions);
    const owner = users[SEED_USERS.owner];
    const reader = users[SEED_USERS.reader];
    for (const sub of subs) if (owner) assign(world, rand, `/subscriptions/${sub}`, owner.objectId, ROLE.owner, sub, 'User', createdOn);
    if (reader && subs[0]) assign(world, rand, `/subscriptions/${subs[0]}`, reader.objectId, ROLE.reader, subs[0], 'User', createdOn);
}

const SHORT = (rand: () => number): string =>
    Math.floor(rand() * 0xffff)
        .toString(16)
        .padStart(4, '0');

/** Builds the seeded world: per subscription a security group (identities, 3 vaults with shared keys) and registry groups. */
export async function seedWorld(
    ctx: Pick<EmulatorContext, 'env' | 'keyPool'> & { clock?: EmulatorClock },
    world: World,
    spec: SeedSpec,
    specText: string,
): Promise<void> {
    const rand = seededRandom(`acr-cmk-emulator/seed/${specText}`);
    const sp = Object.values(world.principals)[0]!;
    const clock = ctx.clock ?? new EmulatorClock();
    const now = clock.nowSeconds();
    const subs: { sub: string; identities: { id: string; principalId: string; clientId: string }[]; vaults: Vault[]; groups: string[] }[] = [];
    for (let i = 0; i < spec.subscriptions; i++) {
        const sub = guid(rand);
        world.subscriptions[sub] = {
            subscriptionId: sub,
            displayName: spec.sample
                ? (['Contoso Production', 'Contoso Development', 'Fabrikam Shared'][i] ?? `Subscription ${i + 1}`)
                : `Emulator Subscription ${i + 1}`,
        };
        if (spec.registries === 0 && !spec.sample) {
            subs.push({ sub, identities: [], vaults: [], groups: [] });
            continue;
        }
        const location = i % 2 === 0 ? 'eastus' : 'westeurope';
        const groups = [`rg-security-${i + 1}`, `rg-registries-${i + 1}a`, `rg-registries-${i + 1}b`];
        for (const name of groups) world.groups[lower(groupId(sub, name))] = { id: groupId(sub, name), name, subscriptionId: sub, location, tags: {} };
        const identities = [1, 2].map((n) => {
            const name = `id-acr-cmk-${i + 1}-${n}`;
            const identity = {
                id: providerId(sub, groups[0]!, IDENTITY_TYPE, name),
                name,
                subscriptionId: sub,
                resourceGroup: groups[0]!,
                location,
                tags: {},
                principalId: guid(rand),
                clientId: guid(rand),
                tenantId: world.tenantId,
            };
            world.identities[lower(identity.id)] = identity;
            return identity;
        });
        const tag = SHORT(rand);
        const vaults: Vault[] = [];
        for (const [kind, rbac] of [
            ['ap', false],
            ['rb', true],
            ['fw', true],
        ] as const) {
            const name = `kv-${kind}-${String(i + 1).padStart(4, '0')}-${tag}`;
            const vault: Vault = {
                id: providerId(sub, groups[0]!, VAULT_TYPE, name),
                name,
                subscriptionId: sub,
                resourceGroup: groups[0]!,
                location,
                tags: {},
                keys: {},
                properties: {
                    tenantId: world.tenantId,
                    sku: { family: 'A', name: kind === 'fw' ? 'premium' : 'standard' },
                    enableSoftDelete: true,
                    softDeleteRetentionInDays: 90,
                    enablePurgeProtection: true,
                    enableRbacAuthorization: rbac,
                    publicNetworkAccess: 'Enabled',
                    enabledForDeployment: false,
                    enabledForDiskEncryption: false,
                    enabledForTemplateDeployment: false,
                    accessPolicies: rbac
                        ? []
                        : [
                              { tenantId: world.tenantId, objectId: sp.objectId, permissions: { keys: ALL_KEY_PERMISSIONS } },
                              ...identities.map((id) => ({ tenantId: world.tenantId, objectId: id.principalId, permissions: { keys: CMK_PERMISSIONS } })),
                          ],
                    ...(kind === 'fw'
                        ? { networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [{ value: '127.0.0.1' }], virtualNetworkRules: [] } }
                        : {}),
                },
            };
            for (let k = 1; k <= 2; k++) {
                const versions: KeyVersion[] = [];
                for (let v = 0; v < k; v++) {
                    const pooled = await ctx.keyPool.shared(2048, i * 5 + k + v);
                    world.keyMaterial[pooled.id] = pooled.pem;
                    const jwk = keyObjects(world, pooled.id).publicKey.export({ format: 'jwk' });
                    versions.push({
                        version: randomHex(rand),
                        kty: 'RSA',
                        keySize: 2048,
                        materialId: pooled.id,
                        publicJwk: { n: jwk.n!, e: jwk.e! },
                        keyOps: ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'],
                        attributes: { enabled: true, created: now - 86400 * (30 - v), updated: now - 86400 * (30 - v) },
                        tags: {},
                    });
                }
                vault.keys[`cmk-key-${k}`] = { name: `cmk-key-${k}`, versions };
            }
            world.vaults[lower(vault.id)] = vault;
            vaults.push(vault);
            if (rbac) {
                assign(world, rand, vault.id, sp.objectId, ROLE.officer, sub, 'ServicePrincipal', clock.iso());
                if (kind === 'rb') {
                    for (const id of identities) assign(world, rand, vault.id, id.principalId, ROLE.encryptionUser, sub, 'ServicePrincipal', clock.iso());
                }
            }
        }
        subs.push({ sub, identities, vaults, groups });
    }
    seedRegistries(ctx, world, spec, rand, subs, clock.date());
    if (spec.sample) seedImages(world); // a few small images in the sample world's registries (its data plane)
    if (spec.sample) seedWorkspace(world, clock.date()); // one Log Analytics workspace, no diagnostic settings: audit logs start off
    // Every world, the bare one (no --seed) included: the tenant's people hold their subscription roles, as in a real tenant.
    assignUserRoles(world, specText, clock.iso());
}

/** The sample world's Log Analytics workspace, beside the first subscription's vaults (own PRNG stream: no other id moves). */
function seedWorkspace(world: World, at: Date): void {
    const sub = Object.keys(world.subscriptions)[0];
    const group = Object.values(world.groups).find((g) => g.subscriptionId === sub && g.name === 'rg-security-1');
    if (!sub || !group) return;
    const workspace = newWorkspace(sub, group.name, 'log-contoso-security', group.location, at, guid(seededRandom('acr-cmk-emulator/sample-workspace')));
    (world.workspaces ??= {})[lower(workspace.id)] = workspace;
}

function assign(
    world: World,
    rand: () => number,
    scope: string,
    principalId: string,
    role: string,
    sub: string,
    principalType: string,
    createdOn: string,
): void {
    const name = guid(rand);
    const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
    world.roleAssignments[lower(id)] = {
        id,
        name,
        scope,
        principalId,
        principalType,
        createdOn,
        roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
    };
}

const randomHex = (rand: () => number): string => Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');

function seedRegistries(
    ctx: Pick<EmulatorContext, 'env'>,
    world: World,
    spec: SeedSpec,
    rand: () => number,
    subs: { sub: string; identities: { id: string; principalId: string; clientId: string }[]; vaults: Vault[]; groups: string[] }[],
    at: Date,
): void {
    const created = dotnetTime('Z', at);
    const tag = SHORT(rand);
    for (let k = 0; k < spec.registries; k++) {
        const s = subs[k % subs.length]!;
        const rg = s.groups[1 + (Math.floor(k / subs.length) % 2)]!;
        const name = `${spec.sample ? 'contoso' : 'seedcr'}${String(k + 1).padStart(5, '0')}${tag}`;
        const cmk = rand() < spec.cmk;
        const id = providerId(s.sub, rg, REGISTRY_TYPE, name);
        const registry: Registry = {
            id,
            name,
            subscriptionId: s.sub,
            resourceGroup: rg,
            location: world.groups[lower(groupId(s.sub, rg))]!.location,
            tags: {},
            sku: cmk ? 'Premium' : (['Basic', 'Standard', 'Premium'] as const)[k % 3]!,
            properties: {},
            encryption: { status: 'disabled' },
            provisioningState: 'Succeeded',
            creationDate: created,
        };
        if (cmk) encryptSeeded(ctx, world, registry, s, k, rand, at.toISOString());
        world.registries[lower(id)] = registry;
    }
}

/** Three CMK setups in turn: access-policy vault + user identity (versionless key), RBAC vault + user identity (versioned), firewalled vault + system identity. */
function encryptSeeded(
    ctx: Pick<EmulatorContext, 'env'>,
    world: World,
    registry: Registry,
    s: { sub: string; identities: { id: string; principalId: string; clientId: string }[]; vaults: Vault[] },
    k: number,
    rand: () => number,
    createdOn: string,
): void {
    const mode = k % 3;
    const vault = s.vaults[mode]!;
    const key = vault.keys[`cmk-key-${1 + (k % 2)}`]!;
    const version = key.versions[key.versions.length - 1]!;
    const base = `https://${lower(vault.name)}${ctx.env.keyVaultDnsSuffix}/keys/${key.name}`;
    const uai = s.identities[k % 2]!;
    if (mode === 2) {
        registry.identity = { type: 'SystemAssigned', principalId: guid(rand), tenantId: world.tenantId };
        assign(world, rand, vault.id, registry.identity.principalId!, ROLE.encryptionUser, s.sub, 'ServicePrincipal', createdOn);
    } else {
        registry.identity = { type: 'UserAssigned', userAssignedIdentities: { [uai.id]: { principalId: uai.principalId, clientId: uai.clientId } } };
    }
    const versioned = `${base}/${version.version}`;
    registry.encryption = {
        status: 'enabled',
        keyVaultProperties: {
            keyIdentifier: mode === 1 ? versioned : base,
            versionedKeyIdentifier: versioned,
            identity: mode === 2 ? 'system' : uai.clientId,
            keyRotationEnabled: mode !== 1,
        },
    };
    const dataKey = randomBytes(32);
    const wrapped = publicEncrypt(
        { key: keyObjects(world, version.materialId).publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
        dataKey,
    );
    registry.dataKey = { wrappedKey: wrapped.toString('base64'), algorithm: 'RSA-OAEP', keyId: versioned, digest: digestOf(dataKey) };
}
