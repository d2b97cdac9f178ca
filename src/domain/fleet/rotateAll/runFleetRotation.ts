import { addKeyPermissions } from '../../access/accessPolicies';
import { grantEncryptionAccess } from '../../access/encryptionAccess';
import { setRotationPolicy } from '../../autoRotation/rotationPolicy';
import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import { formatKeyIdentifier, parseKeyIdentifier, type KeyIdentifier } from '../../keys/keyIdentifier';
import { createKeyVersion } from '../../rotate/keyVersions';
import type { RotationPlan } from '../../rotate/RotationPlan';
import { runRotation } from '../../rotate/runRotation';
import { mapWithConcurrency } from '../../util/mapWithConcurrency';
import type { FleetEntry, FleetOutcome, FleetRotationPlan, FleetRotationResult } from './FleetRotation';
import { grantKey } from './planFleetRotation';

/** Registries changed at once: Resource Manager's write limits are per subscription, and a run over hundreds stays polite. */
export const fleetConcurrency = 4;

export interface FleetProgress {
    /** Called as each registry's outcome is known (in completion order). */
    readonly onOutcome?: (outcome: FleetOutcome, done: number, total: number) => void;
}

/**
 * Runs a confirmed Rotate All plan: the new key version first (once, for all) or the key's rotation policy (Enable
 * Automatic Rotation for all), then each (vault, identity) grant once,
 * then every registry's switch, a few at a time. A failure touches only the registries it concerns: a failed grant
 * leaves the registries waiting for it on their old key, a failed switch its own registry; the others go on.
 */
export async function runFleetRotation(factory: AzureClientFactory, plan: FleetRotationPlan, progress: FleetProgress = {}): Promise<FleetRotationResult> {
    const total = plan.entries.length;
    let done = 0;
    const report = (outcome: FleetOutcome): FleetOutcome => {
        progress.onOutcome?.(outcome, ++done, total);
        return outcome;
    };
    const changing = plan.entries.filter((entry) => entry.kind === 'change');
    // A failure here changes nothing: it is the whole run's error.
    const created = plan.request.target.kind === 'newVersion' && changing.length + plan.entries.filter((entry) => entry.kind === 'picksUp').length > 0
        ? await createKeyVersion(factory, plan.request.key) : undefined;
    if (plan.request.rotationPolicy) {
        // Before any grant or switch: a refused policy is the whole run's error and no registry has changed yet.
        if (plan.policy?.userRights) {
            await addKeyPermissions(factory, plan.policy.vault, plan.policy.userRights.objectId, plan.policy.userRights.missing);
        }
        await setRotationPolicy(factory, targetKeyOf(factory, plan), plan.request.rotationPolicy);
    }
    const grantFailures = new Map<string, unknown>();
    await mapWithConcurrency(plan.grants, fleetConcurrency, async (grant) => {
        try {
            await grantEncryptionAccess(factory, grant.vault, grant.principalId);
        } catch (error) {
            grantFailures.set(grantKey(grant.vault.id, grant.principalId), error);
        }
    });
    const outcomes = new Map<string, FleetOutcome>();
    for (const entry of plan.entries) {
        if (entry.kind !== 'change') {
            outcomes.set(entry.registry.id, report(entry));
        }
    }
    await mapWithConcurrency(changing, fleetConcurrency, async (entry) => {
        outcomes.set(entry.registry.id, await switchOne(entry));
    });
    async function switchOne(entry: Extract<FleetEntry, { kind: 'change' }>): Promise<FleetOutcome> {
        const grantFailure = entry.plan.steps.has('grantAccess') ? grantFailures.get(grantKey(entry.plan.vault.id, entry.plan.identity.principalId ?? '')) : undefined;
        if (grantFailure !== undefined) {
            return report({ kind: 'failed', registry: entry.registry, error: grantFailure });
        }
        const rest = withoutSharedSteps(entry.plan, created?.version);
        if (rest.steps.size === 0) {
            return report({ kind: 'picksUp', registry: entry.registry });
        }
        try {
            return report({ kind: 'switched', registry: entry.registry, result: await runRotation(factory, rest) });
        } catch (error) {
            return report({ kind: 'failed', registry: entry.registry, error });
        }
    }
    return { outcomes: plan.entries.map((entry) => outcomes.get(entry.registry.id)!), createdVersion: created?.version };
}

/** One registry's plan without what the run did once for all (the key version, the grants), pointed at the new version when pinned. */
function withoutSharedSteps(plan: RotationPlan, createdVersion: string | undefined): RotationPlan {
    const steps = new Set([...plan.steps].filter((step) => step !== 'grantAccess' && step !== 'createKeyVersion'));
    const targetKeyId = createdVersion && !plan.versionless ? formatKeyIdentifier({ ...plan.key, version: createdVersion }) : plan.targetKeyId;
    return { ...plan, steps, targetKeyId };
}

/** The key the registries go to: the one they share, or the other key of target `existing`. */
function targetKeyOf(factory: AzureClientFactory, plan: FleetRotationPlan): KeyIdentifier {
    return plan.request.target.kind === 'newVersion' ? plan.request.key : parseKeyIdentifier(plan.request.target.keyId, factory.cloud);
}
