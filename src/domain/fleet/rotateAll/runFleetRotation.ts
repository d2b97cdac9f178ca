import { randomUUID } from 'node:crypto';
import { addKeyPermissions } from '../../access/accessPolicies';
import { grantEncryptionAccess } from '../../access/encryptionAccess';
import { setRotationPolicy } from '../../keys/rotationPolicy';
import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import { formatKeyIdentifier, parseKeyIdentifier, type KeyIdentifier } from '../../keys/keyIdentifier';
import { createKeyVersion, runTag, type KeyVersionInfo } from '../../rotate/keyVersions';
import type { RotationPlan, RotationProgress, RotationStepName } from '../../rotate/RotationPlan';
import { rotationSteps, startProgress } from '../../rotate/rotationSteps';
import { finishRotation, runRotationStep } from '../../rotate/runRotation';
import { mapWithConcurrency } from '../../util/mapWithConcurrency';
import { fleetRegistryPlan, noRegistryJournal, type BeginRegistryJournal, type RegistryJournal } from './fleetJournal';
import type { FleetEntry, FleetOutcome, FleetRotationPlan, FleetRotationResult } from './FleetRotation';
import { grantKey } from './planFleetRotation';

/** Registries changed at once: Resource Manager's write limits are per subscription, and a run over hundreds stays polite. */
export const fleetConcurrency = 4;

export interface FleetProgress {
    /** Called as each registry's outcome is known (in completion order). */
    readonly onOutcome?: (outcome: FleetOutcome, done: number, total: number) => void;
    /** Begins the journal of each registry the run changes, before the run's first change (none by default). */
    readonly beginJournal?: BeginRegistryJournal;
    /** Registries switched at once (`fleetConcurrency` by default). */
    readonly concurrency?: number;
}

/** One registry the run changes: its part of the run as one rotation plan, what it learnt so far, its journal. */
interface RegistryRun {
    readonly entry: Extract<FleetEntry, { kind: 'change' }>;
    readonly plan: RotationPlan;
    readonly progress: RotationProgress;
    readonly journal: RegistryJournal;
}

/**
 * Runs a confirmed Rotate All plan: the new key version first (once, for all) or the key's rotation policy (Enable
 * Automatic Rotation for all), then each (vault, identity) grant once,
 * then every registry's switch, a few at a time. A failure touches only the registries it concerns: a failed grant
 * leaves the registries waiting for it on their old key, a failed switch its own registry; the others go on.
 *
 * Each registry the run changes has its own journal, begun before the run's first change and finished once its outcome
 * is known (failed ones too, as a failed single rotation's): a run cut off by a reload or crash leaves one interrupted
 * rotation per registry not finished yet — those it had not reached included — each offered for Resume or Clean Up.
 * A change made once for several registries is recorded in each one's journal.
 */
export async function runFleetRotation(factory: AzureClientFactory, plan: FleetRotationPlan, options: FleetProgress = {}): Promise<FleetRotationResult> {
    const outcomes = new Map<string, FleetOutcome>();
    let done = 0;
    const report = (outcome: FleetOutcome): void => {
        outcomes.set(outcome.registry.id, outcome);
        options.onOutcome?.(outcome, ++done, plan.entries.length);
    };
    const changing = plan.entries.filter((entry) => entry.kind === 'change');
    const runs: RegistryRun[] = [];
    try {
        await beginRuns(plan, changing, options.beginJournal ?? noRegistryJournal, runs);
        // A failure here changes nothing: it is the whole run's error.
        const created =
            plan.request.target.kind === 'newVersion' && changing.length + plan.entries.filter((entry) => entry.kind === 'picksUp').length > 0
                ? await createSharedVersion(factory, plan.request.key, runs)
                : undefined;
        if (plan.request.rotationPolicy) {
            // Before any grant or switch: a refused policy is the whole run's error and no registry has changed yet.
            const { policy } = plan;
            if (policy?.userRights) {
                await sharedStep(runs, 'grantPolicyRights', () =>
                    addKeyPermissions(factory, policy.vault, policy.userRights!.objectId, policy.userRights!.missing),
                );
            }
            await sharedStep(runs, 'setRotationPolicy', () => setRotationPolicy(factory, targetKeyOf(factory, plan), plan.request.rotationPolicy!));
        }
        const grantFailures = await grantAll(factory, plan, runs, options.concurrency ?? fleetConcurrency);
        // What the plan already knows (no change to make) is reported first.
        plan.entries.filter((entry): entry is Exclude<FleetEntry, { kind: 'change' }> => entry.kind !== 'change').forEach(report);
        await mapWithConcurrency(runs, options.concurrency ?? fleetConcurrency, async (run) => {
            const outcome = await switchOne(factory, run, grantFailures);
            await run.journal.finish();
            report(outcome);
        });
        return { outcomes: plan.entries.map((entry) => outcomes.get(entry.registry.id)!), createdVersion: created?.version };
    } finally {
        // Finished or failed with the run's error: nothing is left to resume (a journal already finished stays so).
        await Promise.all(runs.map((run) => run.journal.finish()));
    }
}

/** Every registry's journal, begun one after the other before the first change (a journal begun is one to offer). */
async function beginRuns(
    plan: FleetRotationPlan,
    changing: readonly Extract<FleetEntry, { kind: 'change' }>[],
    begin: BeginRegistryJournal,
    runs: RegistryRun[],
): Promise<void> {
    // One id for the whole run: the key version it creates carries it, so each registry's Resume finds that version.
    const runId = randomUUID();
    for (const entry of changing) {
        const registryPlan = fleetRegistryPlan(plan, entry.plan);
        // Known before the grant is made, so Clean Up leaves a shared grant in place even when it was cut off in flight.
        const sharedGrant = plan.grants.some((grant) => grant.registries.length > 1 && grant.registries.some((registry) => registry.id === entry.registry.id));
        const progress = { ...startProgress(registryPlan, runId), ...(sharedGrant ? { sharedGrant } : {}) };
        runs.push({ entry, plan: registryPlan, progress, journal: await begin(registryPlan, progress) });
    }
}

/** A change made once for several registries: recorded as started, then done, in each one's journal (one at a time). */
async function sharedStep<T>(
    runs: readonly RegistryRun[],
    step: RotationStepName,
    change: () => Promise<T>,
    learn?: (run: RegistryRun, result: T) => void,
): Promise<T> {
    for (const run of runs) {
        await run.journal.started(step);
    }
    const result = await change();
    for (const run of runs) {
        learn?.(run, result);
        run.progress.completed.push(step);
        await run.journal.done(step, run.progress);
    }
    return result;
}

/** The new key version, once for all, tagged with the run's id; each registry learns the key identifier it switches to. */
function createSharedVersion(factory: AzureClientFactory, key: KeyIdentifier, runs: readonly RegistryRun[]): Promise<KeyVersionInfo> {
    const runId = runs[0]?.progress.runId;
    return sharedStep(
        runs,
        'createKeyVersion',
        () => createKeyVersion(factory, key, runId ? { [runTag]: runId } : undefined),
        (run, created) => {
            run.progress.createdVersion = created.version;
            run.progress.targetKeyId = run.plan.versionless
                ? formatKeyIdentifier(run.plan.key, { versionless: true })
                : formatKeyIdentifier({ ...run.plan.key, version: created.version });
        },
    );
}

/** Each (vault, identity) grant once, for the registries waiting for it; the failures by grant. */
async function grantAll(
    factory: AzureClientFactory,
    plan: FleetRotationPlan,
    runs: readonly RegistryRun[],
    concurrency: number,
): Promise<Map<string, unknown>> {
    const failures = new Map<string, unknown>();
    await mapWithConcurrency(plan.grants, concurrency, async (grant) => {
        const waiting = runs.filter((run) => grant.registries.some((registry) => registry.id === run.entry.registry.id));
        try {
            await sharedStep(
                waiting,
                'grantAccess',
                () => grantEncryptionAccess(factory, grant.vault, grant.principalId),
                (run, made) => {
                    run.progress.grantCreated = made.kind !== 'none';
                    run.progress.grant = made.kind === 'none' ? undefined : made;
                },
            );
        } catch (error) {
            failures.set(grantKey(grant.vault.id, grant.principalId), error);
        }
    });
    return failures;
}

/** One registry's own steps (the switch and what follows), unless the grant it waited for failed. */
async function switchOne(factory: AzureClientFactory, run: RegistryRun, grantFailures: ReadonlyMap<string, unknown>): Promise<FleetOutcome> {
    const { entry, plan, progress } = run;
    const grantFailure = entry.plan.steps.has('grantAccess')
        ? grantFailures.get(grantKey(entry.plan.vault.id, entry.plan.identity.principalId ?? ''))
        : undefined;
    if (grantFailure !== undefined) {
        return { kind: 'failed', registry: entry.registry, error: grantFailure };
    }
    // What the run did once for all (the key version, the grant, the policy) is done already.
    const steps = rotationSteps.filter((step) => plan.steps.has(step.name) && !progress.completed.includes(step.name) && !sharedSteps.has(step.name));
    if (steps.length === 0) {
        return { kind: 'picksUp', registry: entry.registry };
    }
    try {
        for (const step of steps) {
            await runRotationStep(factory, plan, progress, step, run.journal);
        }
        return { kind: 'switched', registry: entry.registry, result: await finishRotation(factory, plan, progress) };
    } catch (error) {
        return { kind: 'failed', registry: entry.registry, error };
    }
}

/** Steps Rotate All makes once for all before the switches, never per registry. */
const sharedSteps = new Set<RotationStepName>(['createKeyVersion', 'grantAccess', 'grantPolicyRights', 'setRotationPolicy']);

/** The key the registries go to: the one they share, or the other key of target `existing`. */
function targetKeyOf(factory: AzureClientFactory, plan: FleetRotationPlan): KeyIdentifier {
    return plan.request.target.kind === 'newVersion' ? plan.request.key : parseKeyIdentifier(plan.request.target.keyId, factory.cloud);
}
