import { StepFailure } from '../engine/StepFailure';
import type { AzureErrorInfo } from '../azure/azureErrors';
import type { CreateStepId } from './CreatePlan';
import { describeResources, type CreateRunState } from './CreateRunState';

/** Create's `StepFailure`: carries the run state, so the caller can retry from the failed step or clean up what this run created. */
export class CreateStepFailedError extends StepFailure<'CreateStepFailed'> {
    declare readonly step: CreateStepId;

    constructor(
        step: CreateStepId,
        readonly azureError: AzureErrorInfo,
        readonly state: CreateRunState,
        cause: unknown,
    ) {
        super('CreateStepFailed', { step, code: azureError.code, message: azureError.message }, 'create', step, [...state.completed], cause);
    }

    /**
     * What the user is told after a failed step: which step, Azure's error, and exactly what exists now.
     * Read from the run state when asked, not when the step failed: a step of the same phase may still have been
     * running then (a vault Azure was still provisioning), and what it made belongs in the report and the cleanup.
     */
    get report(): { step: CreateStepId; cause: AzureErrorInfo } & ReturnType<typeof describeResources> {
        return { step: this.step, cause: this.azureError, ...describeResources(this.state) };
    }
}

export function isCreateStepFailedError(error: unknown): error is CreateStepFailedError {
    return error instanceof CreateStepFailedError;
}
