// Registries of its own for each journey, made before the journey with the domain's own create (the SDK clients
// over HTTPS to the emulator, as the extension does), so a journey never depends on what another suite changed.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import type { CreatePlan } from '../../../src/domain/create/CreatePlan';
import { removeGrant } from '../../../src/domain/access/encryptionAccess';
import { findEncryptionGrants } from '../../../src/domain/access/findEncryptionGrants';
import { getVault } from '../../../src/domain/access/getVault';
import { executeCreate } from '../../../src/domain/create/executeCreate';
import type { EmulatorEnvironment } from '../../emulator';
import { connectToEmulator } from '../../support/connectToEmulator';

export const journeySubscription = 'Fabrikam Shared';

function environment(): EmulatorEnvironment {
    const file = process.env.E2E_EMULATOR_ENVIRONMENT;
    if (!file) throw new Error('E2E_EMULATOR_ENVIRONMENT is not set: run the journeys through test/runner/e2e.mjs');
    return JSON.parse(fs.readFileSync(file, 'utf8')) as EmulatorEnvironment;
}

export interface JourneyRegistry {
    id: string;
    name: string;
    group: string;
    vault: string;
    key: string;
    identity: string;
    vaultId: string;
    identityId: string;
}

/**
 * A CMK registry in `journeySubscription`, every resource new and named after `name`: a user-assigned identity, a
 * vault (access policies or Azure RBAC) holding two RSA keys, encryption with the first (versionless or pinned).
 */
async function journeyTarget() {
    const env = environment();
    const { source } = await connectToEmulator(env, fs.readFileSync(env.caCertPath, 'utf8'));
    const target = (await source.listAllSubscriptions()).find((subscription) => subscription.name === journeySubscription);
    if (!target) throw new Error(`no subscription "${journeySubscription}"`);
    return { env, target };
}

/** Someone outside the extension takes the identity's access to the vault away (the registry breaks silently). */
export async function removeAccessOutsideTheExtension(registry: JourneyRegistry): Promise<void> {
    const { target } = await journeyTarget();
    const vault = await getVault(target.factory, registry.vaultId);
    const identity = await (
        await target.factory.managedIdentities(target.subscriptionId)
    ).userAssignedIdentities.get(registry.identityId.split('/')[4]!, registry.identity);
    for (const grant of await findEncryptionGrants(target.factory, vault, identity.principalId!)) {
        await removeGrant(target.factory, vault, grant);
    }
}

/**
 * Deletes registries a suite made (their groups, vaults and identities stay): the suites that follow in the same
 * emulator find their rows in the subscription's list on screen (the list draws only the rows that fit).
 */
export async function deleteJourneyRegistries(registries: readonly (Pick<JourneyRegistry, 'group' | 'name'> | undefined)[]): Promise<void> {
    const { target } = await journeyTarget();
    const client = await target.factory.containerRegistry(target.subscriptionId);
    for (const registry of registries) {
        if (registry) await client.registries.delete(registry.group, registry.name, target.factory.pollOptions);
    }
}

export async function createJourneyRegistry(
    name: string,
    options: {
        permissionModel?: 'accessPolicy' | 'rbac';
        versionless?: boolean;
        secondKey?: boolean;
        /** Encrypt with that registry's key, vault and identity (its own resource group): two registries share one key. */
        shareWith?: JourneyRegistry;
    } = {},
): Promise<JourneyRegistry> {
    const { env, target } = await journeyTarget();
    const shared = options.shareWith;
    const names = shared
        ? { group: `rg-${name}`, vault: shared.vault, key: shared.key, identity: shared.identity }
        : { group: `rg-${name}`, vault: `kv-${name}`.slice(0, 24), key: `key-${name}`, identity: `id-${name}` };
    const plan: CreatePlan = {
        subscriptionId: target.subscriptionId,
        location: 'westeurope',
        resourceGroup: { name: names.group, create: true },
        registry: { name, sku: 'Premium' },
        identity: shared ? { kind: 'existing', id: shared.identityId } : { kind: 'new', name: names.identity },
        vault: shared
            ? { kind: 'existing', id: shared.vaultId }
            : { kind: 'new', name: names.vault, softDeleteRetentionInDays: 7, permissionModel: options.permissionModel ?? 'accessPolicy' },
        key: shared ? { kind: 'existing', name: shared.key } : { kind: 'new', name: names.key, keySize: 2048 },
        versionless: options.versionless ?? true,
        tenantId: target.tenantId,
    };
    const result = await executeCreate(target.factory, plan);
    if (options.secondKey) {
        const keys = await target.factory.keys(`https://${names.vault}${env.keyVaultDnsSuffix}`);
        await keys.createRsaKey(`${names.key}-2`, { keySize: 2048 });
    }
    const group = `/subscriptions/${target.subscriptionId}/resourceGroups/${names.group}/providers`;
    return {
        id: result.registryId,
        name,
        ...names,
        vaultId: shared?.vaultId ?? `${group}/Microsoft.KeyVault/vaults/${names.vault}`,
        identityId: shared?.identityId ?? `${group}/Microsoft.ManagedIdentity/userAssignedIdentities/${names.identity}`,
    };
}

/** What the vault's administrator does for a colleague: a role on the vault (e.g. Key Vault Crypto Officer) for a user. */
export async function grantVaultRoleToUser(registry: JourneyRegistry, userObjectId: string, roleDefinitionGuid: string): Promise<void> {
    const { target } = await journeyTarget();
    const client = await target.factory.authorization(target.subscriptionId);
    await client.roleAssignments.create(registry.vaultId, randomUUID(), {
        roleDefinitionId: `/subscriptions/${target.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleDefinitionGuid}`,
        principalId: userObjectId,
    });
}

/** Someone makes a new version of the registry's key in Key Vault (the portal, a pipeline); returns the new version. */
/** Someone gives the key's latest version an expiry date, outside the extension (portal, CLI). */
export async function keyExpiresOutsideTheExtension(registry: JourneyRegistry, expiresOn: Date): Promise<void> {
    const { env, target } = await journeyTarget();
    const keys = await target.factory.keys(`https://${registry.vault}${env.keyVaultDnsSuffix}`);
    const latest = await keys.getKey(registry.key);
    await keys.updateKeyProperties(registry.key, latest.properties.version!, { expiresOn });
}

export async function newKeyVersionOutsideTheExtension(registry: JourneyRegistry): Promise<string> {
    const { env, target } = await journeyTarget();
    const keys = await target.factory.keys(`https://${registry.vault}${env.keyVaultDnsSuffix}`);
    const created = await keys.createRsaKey(registry.key, { keySize: 2048 });
    return created.properties.version!;
}

/**
 * The field pitfall, done outside the extension: another identity is assigned, then the one encryption uses is removed
 * from the registry (it still exists). Returns the removed identity's client id.
 */
export async function removeEncryptionIdentityOutsideTheExtension(registry: JourneyRegistry): Promise<string> {
    const { target } = await journeyTarget();
    const identities = (await target.factory.managedIdentities(target.subscriptionId)).userAssignedIdentities;
    const other = await identities.createOrUpdate(registry.group, `${registry.identity}-other`, { location: 'westeurope' });
    const removed = await identities.get(registry.group, registry.identity);
    const client = await target.factory.containerRegistry(target.subscriptionId);
    const patch = (userAssignedIdentities: Record<string, object | null>) =>
        client.registries.update(
            registry.group,
            registry.name,
            { identity: { type: 'UserAssigned', userAssignedIdentities: userAssignedIdentities as never } },
            target.factory.pollOptions,
        );
    await patch({ [other.id!]: {} });
    await patch({ [registry.identityId]: null });
    return removed.clientId!;
}
