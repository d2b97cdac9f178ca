import { beforeAnyChange } from '../checkPhase';
import { getVault } from '../access/getVault';
import { isFirewalled, type VaultInfo } from '../access/VaultInfo';
import { checkRegistryName } from '../azure/registries';
import { readUserIdentity } from '../azure/userIdentities';
import { readVaultKey } from '../azure/vaultKeys';
import { checkVaultName } from '../azure/vaults';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError } from '../errors';
import { inPlanGroup, type CreatePlan } from './CreatePlan';
import { readKey, requireUsableKey } from './steps/keyStep';
import { validatePlan } from './validatePlan';
import { decideCreate } from './decideCreate';
import { emptyRunState } from './CreateRunState';

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
    const checks = [
        requireNameAvailable('registry', factory, plan.subscriptionId, plan.registry.name),
        plan.identity.kind === 'new' && !plan.resourceGroup.create ? requireIdentityNameFree(factory, plan, plan.identity.name) : undefined,
        plan.vault.kind === 'new'
            ? requireNameAvailable('vault', factory, plan.subscriptionId, plan.vault.name)
            : checkExistingVaultAndKey(factory, plan, plan.vault.id),
    ];
    prefetchCreateClients(factory, plan.subscriptionId);
    const outcomes = await Promise.allSettled(checks);
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) {
        throw failed.reason;
    }
    const vault = (outcomes[2] as PromiseFulfilledResult<VaultInfo | void>).value;
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
        for (const client of factory.preloadCreateClients(subscriptionId)) {
            client.catch(() => undefined);
        }
    });
}

/** Resolves when every SDK client a create run uses is loaded (what the wizard's prefetch achieves while the user answers). */
export async function loadCreateClients(factory: AzureClientFactory, subscriptionId: string): Promise<void> {
    await Promise.all(factory.preloadCreateClients(subscriptionId));
}

async function checkExistingVaultAndKey(factory: AzureClientFactory, plan: CreatePlan, vaultId: string): Promise<VaultInfo> {
    const vault = await getVault(factory, vaultId);
    checkExistingVault(vault, plan);
    if (plan.key.kind === 'existing') {
        requireUsableKey(await readKey(factory, vault.vaultUri, vault.name, plan.key.name, plan.key.version));
    } else if (await readVaultKey(factory, vault.vaultUri, plan.key.name)) {
        // Creating it would add a version to an existing key instead of making a new one.
        throw new DomainError('KeyNameTaken', { key: plan.key.name, vault: vault.name });
    }
    return vault;
}

/** The rules an existing vault must meet; a change it needs without the user's consent is refused before any change. */
function checkExistingVault(vault: VaultInfo, plan: CreatePlan): void {
    // A user-assigned identity is never a trusted service: no firewalled vault can serve a registry being created.
    if (isFirewalled(vault)) {
        throw new DomainError('VaultFirewallBlocksUserIdentity', { vault: vault.name });
    }
    if (decideCreate({ state: emptyRunState(), vault }, plan).some((change) => change.consent?.given === false)) {
        throw new DomainError('VaultPurgeProtectionDeclined', { vault: vault.name });
    }
    if (plan.key.kind === 'new' && plan.key.keyType === 'RSA-HSM' && vault.sku !== 'premium') {
        throw new DomainError('HsmKeyNeedsPremiumVault', { vault: vault.name });
    }
}

const nameChecks = { registry: [checkRegistryName, 'RegistryNameTaken'], vault: [checkVaultName, 'VaultNameTaken'] } as const;

/** Azure's check of a globally unique name (a registry's or a vault's): a taken name is refused with Azure's reason. */
export async function requireNameAvailable(kind: keyof typeof nameChecks, factory: AzureClientFactory, subscriptionId: string, name: string): Promise<void> {
    const [check, code] = nameChecks[kind];
    const status = await check(factory, subscriptionId, name);
    if (status.nameAvailable === false) {
        throw new DomainError(code, { name, reason: status.message ?? status.reason ?? '' });
    }
}

async function requireIdentityNameFree(factory: AzureClientFactory, plan: CreatePlan, name: string): Promise<void> {
    if (await readUserIdentity(factory, inPlanGroup(plan, name))) {
        // Creating it would silently take over someone's identity (and cleanup would delete it).
        throw new DomainError('IdentityNameTaken', { name, resourceGroup: plan.resourceGroup.name });
    }
}
