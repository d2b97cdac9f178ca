import type { AzureClientFactory } from '../clients/AzureClientFactory';
import { azureErrorOf } from '../azure/azureErrors';
import { createPhases, type CreatePlan, type CreateStepId } from './CreatePlan';
import { emptyRunState, type CreateRunState } from './CreateRunState';
import { CreateStepFailedError } from './CreateStepFailedError';
import { createSteps as steps, type CreateOptions, type StepContext } from './steps/createSteps';
import { validatePlan } from './validatePlan';
import { decideCreate, type CreateChange } from './decideCreate';
import { DomainError } from '../errors';
import { noJournal, type StepJournal } from '../engine/RunJournal';
import { runChange } from '../engine/runChange';

export type CreateProgress = { readonly step: CreateStepId; readonly status: 'started' | 'succeeded' | 'skipped' | 'failed' };

export interface ExecuteCreateOptions extends CreateOptions {
    /** The state of a failed run: its finished steps are skipped and what it made is reused (retry from the failed step). */
    readonly resume?: CreateRunState;
    readonly onProgress?: (progress: CreateProgress) => void;
    /** Where each change is recorded before and after it is made (a run cut off by a restart is resumed from it). */
    readonly journal?: StepJournal;
}

export interface CreateResult {
    readonly registryId: string;
    readonly keyIdentifier: string;
    readonly identityClientId: string;
    readonly state: CreateRunState;
}

/**
 * Runs the plan phase by phase; steps of one phase (identity and vault; encryption access and key) run
 * concurrently. A failure stops after its phase and throws `CreateStepFailedError` with the run state.
 */
export async function executeCreate(factory: AzureClientFactory, plan: CreatePlan, options: ExecuteCreateOptions = {}): Promise<CreateResult> {
    validatePlan(plan);
    const state = options.resume ?? emptyRunState();
    const ctx: StepContext = { factory, plan, state, options, journal: options.journal ?? noJournal };
    for (const phase of createPhases) {
        // Decided again before each phase, on what the run holds by then (the vault it made or read, a resumed run's steps).
        const changes = decideCreate({ state }, plan).filter((change) => phase.includes(change.step));
        const outcomes = await Promise.all(changes.map((change) => runStep(ctx, change, options.onProgress)));
        const failure = outcomes.find((outcome) => outcome !== undefined);
        if (failure) {
            throw failure;
        }
    }
    return { registryId: state.registry!.id, keyIdentifier: state.key!.keyIdentifier, identityClientId: state.identity!.clientId, state };
}

async function runStep(ctx: StepContext, change: CreateChange, onProgress: ExecuteCreateOptions['onProgress']): Promise<CreateStepFailedError | undefined> {
    const { step: id } = change;
    const step = steps[id];
    if (!change.needed) {
        onProgress?.({ step: id, status: 'skipped' });
        return undefined;
    }
    onProgress?.({ step: id, status: 'started' });
    // runChange resolves to nothing: what it rejects with is the step's failure.
    const failure = (await runChange<CreateStepId>(
        {
            journal: ctx.journal,
            completed: ctx.state.completed,
            state: () => ctx.state,
            failed: (failedStep, error) => new CreateStepFailedError(failedStep, azureErrorOf(error), ctx.state, error),
        },
        { step: id, run: () => (change.consent?.given === false ? refused(ctx) : step.run(ctx)), probe: step.probe && (() => step.probe!(ctx)) },
    ).catch((error: unknown) => error)) as CreateStepFailedError | undefined;
    onProgress?.({ step: id, status: failure ? 'failed' : 'succeeded' });
    return failure;
}

/** A change made without its consent fails as its step: the one create asks for is purge protection on an existing vault. */
function refused({ state }: StepContext): Promise<never> {
    return Promise.reject(new DomainError('VaultPurgeProtectionDeclined', { vault: state.vault!.info.name }));
}

/** Records what a step cut off in flight (a failure, or a process that died) may have made, so cleanup and resume see it. */
export async function probeCreateStep(ctx: StepContext, id: CreateStepId): Promise<void> {
    await steps[id].probe?.(ctx);
}
