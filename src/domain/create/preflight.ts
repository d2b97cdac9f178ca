import { beforeAnyChange } from '../checkPhase';
import { getVault } from '../access/getVault';
import { isFirewalled, type VaultInfo } from '../access/VaultInfo';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { isNotFound } from '../azure/azureErrors';
import type { CreatePlan } from './CreatePlan';
import { readKey, requireUsableKey } from './steps/keyStep';
import { validatePlan } from './validatePlan';

/**
 * Read-only checks before anything is created, so a doomed run changes nothing: local rules, name
 * availability, and the existing vault/key the plan relies on.
 */
export function preflightCreate(factory: AzureClientFactory, plan: CreatePlan): Promise<{ vault?: VaultInfo }> {
    return beforeAnyChange('preflight', () => readAndCheckPlan(factory, plan));
}

async function readAndCheckPlan(factory: AzureClientFactory, plan: CreatePlan): Promise<{ vault?: VaultInfo }> {
    validatePlan(plan);
    // The checks are independent reads: run together, reported in this order (the first failing one wins, as when sequential).
    const checks: Promise<VaultInfo | undefined>[] = [requireRegistryNameAvailable(factory, plan.subscriptionId, plan.registry.name).then(() => undefined)];
    if (plan.identity.kind === 'new' && !plan.resourceGroup.create) {
        checks.push(requireIdentityNameFree(factory, plan, plan.identity.name).then(() => undefined));
    }
    checks.push(plan.vault.kind === 'new'
        ? requireVaultNameAvailable(factory, plan.subscriptionId, plan.vault.name).then(() => undefined)
        : checkExistingVaultAndKey(factory, plan, plan.vault.id));
    prefetchCreateClients(factory, plan.subscriptionId);
    const outcomes = await Promise.allSettled(checks);
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) {
        throw failed.reason;
    }
    const vault = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<VaultInfo | undefined>).value).find((value) => value !== undefined);
    return vault ? { vault } : {};
}

/**
 * Starts loading every SDK client a create run uses (their modules load while requests are in flight, instead of in
 * front of the first request of each step). Also worth calling when the create wizard opens. Never throws: a client
 * that fails to load fails where it is used.
 */
export function prefetchCreateClients(factory: AzureClientFactory, subscriptionId: string): void {
    // Loading a module blocks the thread: deferred a turn, so requests already started go out first and it overlaps their wait.
    setImmediate(() => {
        for (const client of createClientsLoading(factory, subscriptionId)) {
            client.catch(() => undefined);
        }
    });
}

/** Resolves when every SDK client a create run uses is loaded (what the wizard's prefetch achieves while the user answers). */
export async function loadCreateClients(factory: AzureClientFactory, subscriptionId: string): Promise<void> {
    await Promise.all(createClientsLoading(factory, subscriptionId));
}

function createClientsLoading(factory: AzureClientFactory, subscriptionId: string): Promise<unknown>[] {
    return [factory.containerRegistry(subscriptionId), factory.resources(subscriptionId), factory.managedIdentities(subscriptionId),
        factory.keyVaultManagement(subscriptionId), factory.authorization(subscriptionId), factory.loadKeyClientModule()];
}

async function checkExistingVaultAndKey(factory: AzureClientFactory, plan: CreatePlan, vaultId: string): Promise<VaultInfo> {
    const vault = await getVault(factory, vaultId);
    checkExistingVault(vault, plan);
    const keys = await factory.keys(vault.vaultUri);
    if (plan.key.kind === 'existing') {
        const { name, version } = plan.key;
        requireUsableKey(await readKey(() => keys.getKey(name, version ? { version } : {}), name, vault.name));
    } else {
        await requireKeyNameFree(() => keys.getKey(plan.key.name), plan.key.name, vault.name);
    }
    return vault;
}

/** The rules an existing vault must meet (also used by the wizard to flag a vault when it is picked). */
export function checkExistingVault(vault: VaultInfo, plan: Pick<CreatePlan, 'vault' | 'key'>): void {
    // A user-assigned identity is never a trusted service: no firewalled vault can serve a registry being created.
    if (isFirewalled(vault)) {
        throw new DomainError('VaultFirewallBlocksUserIdentity', { vault: vault.name });
    }
    if (!vault.enablePurgeProtection && !(plan.vault.kind === 'existing' && plan.vault.enablePurgeProtection)) {
        throw new DomainError('VaultPurgeProtectionDeclined', { vault: vault.name });
    }
    if (plan.key.kind === 'new' && plan.key.keyType === 'RSA-HSM' && vault.sku !== 'premium') {
        throw new DomainError('HsmKeyNeedsPremiumVault', { vault: vault.name });
    }
}

export async function requireRegistryNameAvailable(factory: AzureClientFactory, subscriptionId: string, name: string): Promise<void> {
    const client = await factory.containerRegistry(subscriptionId);
    const status = await client.registries.checkNameAvailability({ name, type: 'Microsoft.ContainerRegistry/registries' });
    if (status.nameAvailable === false) {
        throw new DomainError('RegistryNameTaken', { name, reason: status.message ?? status.reason ?? '' });
    }
}

export async function requireVaultNameAvailable(factory: AzureClientFactory, subscriptionId: string, name: string): Promise<void> {
    const client = await factory.keyVaultManagement(subscriptionId);
    const status = await client.vaults.checkNameAvailability({ name, type: 'Microsoft.KeyVault/vaults' });
    if (status.nameAvailable === false) {
        throw new DomainError('VaultNameTaken', { name, reason: status.message ?? status.reason ?? '' });
    }
}

async function requireIdentityNameFree(factory: AzureClientFactory, plan: CreatePlan, name: string): Promise<void> {
    try {
        await (await factory.managedIdentities(plan.subscriptionId)).userAssignedIdentities.get(plan.resourceGroup.name, name);
    } catch (error) {
        if (isNotFound(error)) {
            return;
        }
        throw error;
    }
    // Creating it would silently take over someone's identity (and cleanup would delete it).
    throw new DomainError('IdentityNameTaken', { name, resourceGroup: plan.resourceGroup.name });
}

async function requireKeyNameFree(read: () => Promise<unknown>, name: string, vault: string): Promise<void> {
    try {
        await read();
    } catch (error) {
        if (isNotFound(error)) {
            return;
        }
        throw error;
    }
    // Creating it would add a version to an existing key instead of making a new one.
    throw new DomainError('KeyNameTaken', { key: name, vault });
}
