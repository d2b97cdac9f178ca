import { beforeAnyChange } from '../checkPhase';
import { missingKeyPermissions } from '../access/accessPolicies';
import { callerObjectId } from '../access/callerObjectId';
import { hasEncryptionAccess } from '../access/encryptionAccess';
import { findEncryptionGrants } from '../access/findEncryptionGrants';
import { findVaultForKeyId } from '../access/getVault';
import { allowsTrustedServices, isFirewalled, type VaultInfo } from '../access/VaultInfo';
import { validateRotationPolicy } from '../keys/rotationPolicy';
import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { DomainError, type RotationChangeDeclinedStep } from '../errors';
import { uniqueIds } from '../util/uniqueIds';
import { formatKeyIdentifier, parseKeyIdentifier, type KeyIdentifier } from '../keys/keyIdentifier';
import { getRegistry } from '../registries/getRegistry';
import type { CustomerManagedKeyState, RegistrySummary } from '../registries/RegistryEncryption';
import { encryptionSnapshot, sameEncryption } from './encryptionSnapshot';
import { identityHealth } from '../registries/encryptionHealth';
import { rotationChanges } from './rotationChanges';
import { readKey, requireUsableKey } from '../create/steps/keyStep';
import { encryptionIdentityValue, resolvePlannedIdentity } from './plannedIdentity';
import { rotationStepNames, type PlannedIdentity, type RotationPlan, type RotationStepName } from './RotationPlan';
import type { RotationRequest } from './RotationRequest';

/**
 * Reads everything a rotation depends on (registry, target vault and key, identity, its access, the vault
 * firewall) and decides the steps, before anything is changed. Refusals (no CMK, firewall rules, a needed
 * change without consent) are thrown here, so a refused rotation changes nothing.
 */
export function planRotation(factory: AzureClientFactory, request: RotationRequest): Promise<RotationPlan> {
    return beforeAnyChange('rotationPlan', async () => decideRotation(await readFacts(factory, request), request));
}

/**
 * What Azure says, read once for a request: everything the decision needs. A consent given afterwards changes the
 * decision, not the facts (the wizard decides again on the same facts); another identity or key means reading again.
 */
export interface RotationFacts extends Pick<
    RotationPlan,
    'registry' | 'key' | 'vault' | 'targetKeyId' | 'identity' | 'reassignIdentityId' | 'policyRights' | 'previousIdentityGrants'
> {
    readonly state: CustomerManagedKeyState;
    /** The planned identity already has the encryption access (false while it has no principal yet). */
    readonly identityHasAccess: boolean;
}

export function readRotationFacts(factory: AzureClientFactory, request: Omit<RotationRequest, 'consent'>): Promise<RotationFacts> {
    return beforeAnyChange('rotationPlan', () => readFacts(factory, request));
}

async function readFacts(factory: AzureClientFactory, request: Omit<RotationRequest, 'consent'>): Promise<RotationFacts> {
    // What can be refused without Azure is refused before the first request: a malformed key id, a bad policy.
    const typedKey = request.key.kind === 'existing' ? parseKeyIdentifier(request.key.keyId, factory.cloud) : undefined;
    if (request.rotationPolicy) {
        validateRotationPolicy(request.rotationPolicy);
    }
    const registry = await getRegistry(factory, request.registryId);
    const state = requireCmk(registry);
    const subscriptionIds = uniqueIds([registry.subscriptionId, ...(request.subscriptionIds ?? [])]);
    const key = typedKey ?? { ...state.key!, version: undefined };
    const vault = await findVaultForKeyId(factory, subscriptionIds, formatKeyIdentifier(key, { versionless: true }));
    const targetKeyId = request.key.kind === 'existing' ? await existingTargetKeyId(factory, key, request.versionless) : undefined;
    const { identity, reassignIdentityId } = await resolvePlannedIdentity(factory, registry, state, request.identity, subscriptionIds);
    const identityHasAccess = !!identity.principalId && (await hasEncryptionAccess(factory, vault, identity.principalId));
    const policyRights = request.rotationPolicy ? await missingPolicyRights(factory, vault) : undefined;
    const previousIdentityGrants = request.removePreviousIdentityAccess ? await previousGrants(factory, vault, state, identity) : undefined;
    return { registry, state, key, vault, targetKeyId, identity, reassignIdentityId, identityHasAccess, policyRights, previousIdentityGrants };
}

/** A change the rotation needs that the request has no consent for; the refusal names what the question must say. */
export type ConsentRefusal = DomainError<'RotationChangeDeclined'> | DomainError<'EncryptionIdentityRemoved'> | DomainError<'FirewallNeedsTrustedServices'>;

/**
 * The decision, from facts alone (no request to Azure): the steps, the firewall's rules and "nothing to do". A change
 * that needs a consent the request lacks refuses the whole plan with the first such refusal.
 */
export function decideRotation(facts: RotationFacts, request: RotationRequest): RotationPlan {
    const { plan, refusals } = decide(facts, request);
    if (refusals[0]) {
        throw refusals[0];
    }
    return plan;
}

/**
 * Every consent the plan needs that the request lacks, in the order of the changes — what the wizard asks up front,
 * before it decides once. Refusals no consent lifts (a firewall only the system identity passes, nothing to do) throw.
 */
export function missingConsents(facts: RotationFacts, request: RotationRequest): ConsentRefusal[] {
    return decide(facts, request).refusals;
}

function decide(facts: RotationFacts, request: RotationRequest): { plan: RotationPlan; refusals: ConsentRefusal[] } {
    const { state, identityHasAccess, ...known } = facts;
    const { registry, key, vault, targetKeyId, identity, reassignIdentityId } = known;
    const steps = new Set<RotationStepName>();
    const refusals = new Map<RotationStepName, ConsentRefusal>();
    // A change that needs a consent (rotationChanges) is refused until the request carries it.
    const need = (step: RotationStepName, refusal: () => ConsentRefusal) => {
        const consent = rotationChanges[step].consent;
        if (consent && !request.consent[consent]) {
            refusals.set(step, refusal());
        }
        steps.add(step);
    };
    const declined = (change: RotationChangeDeclinedStep) => () => new DomainError('RotationChangeDeclined', { registry: registry.name, ...change });
    if (reassignIdentityId) {
        const removed = identityHealth(state);
        need(
            'reassignIdentity',
            () => new DomainError('EncryptionIdentityRemoved', { registry: registry.name, clientId: removed.kind === 'notAssigned' ? removed.clientId : '' }),
        );
    } else if (identity.kind === 'user' && !identity.assigned) {
        need('assignIdentity', declined({ step: 'assignIdentity' }));
    }
    if (identity.kind === 'system' && !identity.enabled) {
        need('enableSystemIdentity', declined({ step: 'enableSystemIdentity' }));
    }
    if (isFirewalled(vault)) {
        if (identity.kind !== 'system') {
            throw new DomainError('FirewallNeedsSystemIdentity', { vault: vault.name, registry: registry.name });
        }
        if (!allowsTrustedServices(vault)) {
            need('enableTrustedServices', () => new DomainError('FirewallNeedsTrustedServices', { vault: vault.name }));
        }
    }
    if (!identityHasAccess) {
        // Named in the question: which identity gets access to which vault.
        need('grantAccess', declined({ step: 'grantAccess', identity: identity.kind === 'user' ? identity.name : 'system', vault: vault.name }));
    }
    if (request.key.kind === 'newVersion') {
        steps.add('createKeyVersion');
    }
    // A removed identity is only a client ID on the registry; the facts found it by that ID, so "now" names it as "after" does.
    const snapshot = encryptionSnapshot(registry);
    const before = reassignIdentityId && identity.kind === 'user' ? { ...snapshot, identityName: identity.name } : snapshot;
    const switchNeeded =
        request.key.kind === 'newVersion'
            ? !request.versionless ||
              !sameEncryption(before, { keyIdentifier: formatKeyIdentifier(key, { versionless: true }), identity: encryptionIdentityValue(identity) })
            : !sameEncryption(before, { keyIdentifier: targetKeyId ?? '', identity: encryptionIdentityValue(identity) });
    if (switchNeeded || request.reapply) {
        steps.add('switchEncryption');
    }
    if (facts.policyRights) {
        need('grantPolicyRights', declined({ step: 'grantPolicyRights' }));
    }
    if (request.rotationPolicy) {
        steps.add('setRotationPolicy');
    }
    if (facts.previousIdentityGrants?.length) {
        steps.add('removeOldGrant');
    }
    if (steps.size === 0) {
        throw new DomainError('RotationNoChange', { registry: registry.name });
    }
    const plan: RotationPlan = {
        ...known,
        before,
        versionless: request.versionless,
        steps: new Set(rotationStepNames.filter((step) => steps.has(step))),
        rotationPolicy: request.rotationPolicy,
    };
    return { plan, refusals: [...plan.steps].flatMap((step) => refusals.get(step) ?? []) };
}

export function requireCmk(registry: RegistrySummary): CustomerManagedKeyState {
    const state = registry.encryption;
    if (state.status !== 'enabled') {
        throw new DomainError('RegistryNotCmk', { registry: registry.name });
    }
    if (!state.key) {
        throw state.keyError ?? new DomainError('KeyIdNotKeyPath', { keyId: state.keyIdentifier });
    }
    return state;
}

/** The id to store for an existing key: versionless, or pinned to the given version (else the latest one). Refuses unusable keys. */
async function existingTargetKeyId(factory: AzureClientFactory, key: KeyIdentifier, versionless: boolean): Promise<string> {
    // A missing (or deleted) key, a disabled or expired one and a non-RSA one are refused here, before any change.
    const found = await readKey(factory, key.vaultUrl, key.vaultName, key.keyName, key.version);
    requireUsableKey(found);
    return versionless
        ? formatKeyIdentifier(key, { versionless: true })
        : formatKeyIdentifier({ ...key, version: key.version ?? found.properties.version ?? '' });
}

/**
 * Writing a rotation policy needs the key permission setrotationpolicy (and reading it back, getrotationpolicy). On an
 * access-policy vault the signed-in user's policy tells whether they are there; found missing, the plan asks to add
 * exactly those before any change, instead of failing after the switch. RBAC vaults: role assignments decide, and
 * Azure's 403 names what is missing.
 */
async function missingPolicyRights(factory: AzureClientFactory, vault: VaultInfo): Promise<RotationPlan['policyRights']> {
    if (vault.enableRbacAuthorization) {
        return undefined;
    }
    const objectId = await callerObjectId(factory.connection);
    const missing = missingKeyPermissions(vault, objectId, policyPermissions);
    return missing.length > 0 ? { objectId, missing } : undefined;
}

const policyPermissions = ['getrotationpolicy', 'setrotationpolicy'] as const;

async function previousGrants(factory: AzureClientFactory, vault: VaultInfo, state: CustomerManagedKeyState, next: PlannedIdentity) {
    const previous = state.identity;
    if (previous?.kind !== 'user' || !previous.principalId || (next.kind === 'user' && next.principalId.toLowerCase() === previous.principalId.toLowerCase())) {
        return undefined;
    }
    return findEncryptionGrants(factory, vault, previous.principalId);
}
