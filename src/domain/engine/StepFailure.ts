import { DomainError, type DomainErrorParams, type ParamsArgument } from '../errors';
import type { JournalFlow } from './JournalEntry';

/** The codes of a failed change: one per flow, three for the rotation family (the registry read fresh afterwards). */
export type StepFailureCode =
    'CreateStepFailed' | 'RotationStepFailed' | 'RotationStepFailedStateUnknown' | 'RotationFollowUpFailed' | 'RevokeStepFailed' | 'RestoreStepFailed';

/**
 * The one error a failed change of any flow ends in (`runChange` throws it): the flow, the change that failed, the
 * changes completed before it, Azure's (or the SDK's) error as `cause`; the code's parameters say what Azure now holds.
 */
export class StepFailure<C extends StepFailureCode = StepFailureCode> extends DomainError<C> {
    constructor(
        code: C,
        params: DomainErrorParams[C],
        readonly flow: JournalFlow,
        readonly step: string,
        readonly completed: readonly string[],
        override readonly cause: unknown,
    ) {
        super(code, ...([params] as ParamsArgument<C>));
    }
}

export function isStepFailure(error: unknown): error is StepFailure {
    return error instanceof StepFailure;
}
