import type { VaultInfo } from '../access/VaultInfo';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import type { CustomerManagedKeyState, RegistrySummary } from '../registries/RegistryEncryption';
import type { DiagnosisCache, VaultLookup } from './DiagnosisCache';
import { finding, worstStatus, type Finding, type RegistryDiagnosis } from './Finding';
import { checkIdentity, type IdentityCheck } from './identityCheck';
import { checkKey, isoDate } from './keyChecks';
import { checkFirewall, checkVaultRecovery } from './vaultChecks';
import { checkPickup } from './pickupCheck';
import { checkDataAccess } from './dataAccessCheck';
import { reasonOf } from './reasonOf';

/**
 * Checks every link a CMK registry needs to reach its key and returns one finding per link. Reads only
 * (ARM and the vault's data plane as the signed-in user); a link that cannot be read is `unknown`, not a failure.
 */
export async function diagnoseRegistry(
    factory: AzureClientFactory,
    registry: RegistrySummary,
    cache: DiagnosisCache,
    now = new Date(),
): Promise<RegistryDiagnosis> {
    // The registry's data is read alongside the links (it never throws): what ACR serves now, whatever they say.
    const readable = registry.encryption.status === 'enabled' && registry.encryption.key !== undefined;
    const [links, dataAccess] = await Promise.all([collectFindings(factory, registry, cache, now), readable ? checkDataAccess(factory, registry) : undefined]);
    const findings = dataAccess ? [...links, dataAccess] : links;
    return { registryId: registry.id, registryName: registry.name, subscriptionId: registry.subscriptionId, status: worstStatus(findings), findings };
}

async function collectFindings(factory: AzureClientFactory, registry: RegistrySummary, cache: DiagnosisCache, now: Date): Promise<Finding[]> {
    const state = registry.encryption;
    if (state.status !== 'enabled') {
        return [finding('identity', 'info', 'notCmk')];
    }
    if (!state.key) {
        return [finding('key', 'error', 'keyIdInvalid', { keyId: state.keyIdentifier })];
    }
    const identity = await checkIdentity(factory, registry, state, cache, now);
    const findings: Finding[] = [identity.finding];
    let vaultLookup: VaultLookup;
    try {
        vaultLookup = await cache.vault(factory, state.keyIdentifier, state.key.vaultName, registry.subscriptionId);
    } catch (error) {
        return [...findings, finding('vault', 'unknown', 'vaultUnreadable', { vault: state.key.vaultName, reason: reasonOf(error) })];
    }
    if (vaultLookup.kind === 'softDeleted') {
        const deleted = vaultLookup.deleted;
        return [
            ...findings,
            finding('vault', 'error', 'vaultSoftDeleted', {
                vault: deleted.name,
                location: deleted.location,
                subscriptionId: deleted.subscriptionId,
                purgeDate: isoDate(deleted.scheduledPurgeDate),
            }),
        ];
    }
    if (vaultLookup.kind === 'missing') {
        return [...findings, finding('vault', 'error', 'vaultMissing', { vault: state.key.vaultName })];
    }
    const vault = vaultLookup.vault;
    findings.push(
        finding('vault', 'ok', 'vaultFound', { vault: vault.name, resourceGroup: vault.resourceGroup }),
        checkVaultRecovery(vault),
        checkFirewall(vault, identity, registry.id),
    );
    const [access, keyFindings, rotation, pickup] = await Promise.all([
        checkAccess(factory, vault, identity, cache),
        checkKeyState(factory, state, vault, cache, now),
        checkRotation(factory, state, cache),
        checkPickup(factory, state, cache, now),
    ]);
    return [...findings, access, ...keyFindings, rotation, ...(pickup ? [pickup] : [])];
}

async function checkAccess(factory: AzureClientFactory, vault: VaultInfo, identity: IdentityCheck, cache: DiagnosisCache): Promise<Finding> {
    const rbac = vault.enableRbacAuthorization;
    const params = { vault: vault.name, principalId: identity.principalId ?? '' };
    if (!identity.principalId) {
        return finding('access', 'unknown', 'accessUnknownPrincipal', params);
    }
    try {
        if (await cache.encryptionAccess(factory, vault, identity.principalId)) {
            return finding('access', 'ok', rbac ? 'roleOk' : 'accessPolicyOk', params);
        }
    } catch (error) {
        return finding('access', 'unknown', 'accessUnreadable', { ...params, reason: reasonOf(error) });
    }
    return finding('access', 'error', rbac ? 'roleMissing' : 'accessPolicyMissing', params, {
        kind: 'grantAccess',
        vaultId: vault.id,
        principalId: identity.principalId,
    });
}

async function checkKeyState(
    factory: AzureClientFactory,
    state: CustomerManagedKeyState,
    vault: VaultInfo,
    cache: DiagnosisCache,
    now: Date,
): Promise<Finding[]> {
    const key = state.key!;
    try {
        return checkKey(await cache.key(factory, key, state.currentVersion), key, vault.name, now);
    } catch (error) {
        return [finding('key', 'unknown', 'keyUnreadable', { key: key.keyName, vault: vault.name, reason: reasonOf(error) })];
    }
}

async function checkRotation(factory: AzureClientFactory, state: CustomerManagedKeyState, cache: DiagnosisCache): Promise<Finding> {
    const key = state.key!;
    if (state.rotation === 'manual') {
        return finding('rotation', 'info', 'versionedManual', { version: key.version ?? state.currentVersion ?? '' });
    }
    try {
        const policy = await cache.rotationPolicy(factory, key);
        return policy.autoRotates
            ? finding('rotation', 'ok', 'versionlessWithPolicy', { interval: policy.interval ?? '' })
            : finding('rotation', 'info', 'versionlessNoPolicy');
    } catch (error) {
        return finding('rotation', 'info', 'rotationPolicyUnreadable', { reason: reasonOf(error) });
    }
}
