import type { VaultInfo } from '../access/VaultInfo';
import { createStepIds, type CreatePlan, type CreateStepId } from './CreatePlan';
import type { CreateRunState } from './CreateRunState';

/** What create knows when it decides: what the run holds (made, found, or resumed from a failed run), and the vault preflight read. */
export interface CreateFacts {
    readonly state: CreateRunState;
    /** The existing vault as preflight read it; the run decides again once its vault step read it (then `state.vault`). */
    readonly vault?: VaultInfo;
}

/** One step of a create run, decided: whether it has something to do, and the consent it needs (and whether it was given). */
export interface CreateChange {
    readonly step: CreateStepId;
    readonly needed: boolean;
    readonly consent?: { readonly to: 'enablePurgeProtection'; readonly given: boolean };
}

/**
 * The decision, from facts alone (no request): every step in order, made or reused. A step whose output the run
 * already holds is reused (a retry skips finished steps); the caller's key-management grant only goes on a vault this
 * run makes, for a key it makes; purge protection is turned on only on an existing vault lacking it, with consent.
 */
export function decideCreate({ state, vault }: CreateFacts, plan: CreatePlan): CreateChange[] {
    const vaultInfo = state.vault?.info ?? (plan.vault.kind === 'existing' ? vault : undefined);
    const vaultMadeByRun = state.vault ? state.vault.createdByRun : plan.vault.kind === 'new';
    const needed: Record<CreateStepId, boolean> = {
        resourceGroup: !state.resourceGroup,
        identity: !state.identity,
        vault: !state.vault,
        // A new vault is made with purge protection: only a vault read without it needs the change.
        vaultProtection: !!vaultInfo && !vaultInfo.enablePurgeProtection,
        keyManagementAccess: !state.keyManagementGrant && vaultMadeByRun && plan.key.kind === 'new',
        encryptionAccess: !state.encryptionGrant,
        key: !state.key,
        registry: !state.registry?.succeeded,
    };
    const purgeConsent = { to: 'enablePurgeProtection', given: plan.vault.kind === 'existing' && plan.vault.enablePurgeProtection === true } as const;
    return createStepIds.map((step) => ({ step, needed: needed[step], ...(step === 'vaultProtection' && needed[step] ? { consent: purgeConsent } : {}) }));
}
