import { isDomainError } from '../../../src/domain/errors';
import type { FaultWorld } from './faultWorld';

/** A failure as the user is told it: the step that failed and the cause, as text. */
export interface ExplainedFailure {
    readonly step: string;
    readonly cause: string;
    /** The failure reports the thing as deleted (the truthful reading of a 404 even without Azure's text). */
    readonly gone?: boolean;
}

/**
 * One flow the matrix drives at the domain layer. `run` starts the flow from the beginning; the matrix injects
 * each fault into each request that run sends, then judges the outcome with the other members.
 */
export interface FlowSpec<Input = unknown> {
    readonly name: string;
    /** After the world was reset to its seed: what the flow starts from (made without faults). */
    prepare(w: FaultWorld): Promise<Input>;
    /** The flow, from its start; resolves with its result or throws its failure. */
    run(w: FaultWorld, input: Input): Promise<unknown>;
    /** Step and cause of a failure, or undefined when the failure does not say them (an unexplained error). */
    explain(error: unknown): ExplainedFailure | undefined;
    /** Where the emulator's state disagrees with what the failure says exists (empty: it agrees). */
    checkState(w: FaultWorld, input: Input, error: unknown): Promise<string[]>;
    /** Run again from where the failure left off (faults cleared). */
    retry(w: FaultWorld, input: Input, error: unknown): Promise<unknown>;
    /** Where the emulator's state disagrees with a successful run's result (empty: the flow did its job). */
    verify(w: FaultWorld, input: Input, result: unknown): Promise<string[]>;
    /** Called once with the fault-free run's result (flows that compare against it). */
    learnBaseline?(result: unknown): void;
}

/** The SDK's own rendering of an Azure error: `(status) message`, or a domain error's code and parameters. */
export function describeError(error: unknown): string {
    if (isDomainError(error)) {
        return `${error.code} ${JSON.stringify(error.params)}`;
    }
    const e = error as { statusCode?: number; code?: string; message?: string; name?: string };
    return `${e?.statusCode ? `(${e.statusCode}) ` : ''}${e?.code ? `${e.code}: ` : ''}${e?.message ?? String(error)}`;
}

export function check(problems: string[], ok: boolean, problem: string): void {
    if (!ok) {
        problems.push(problem);
    }
}

// Domain errors that report a resource as gone: the truthful reading of a 404 ("deleted under us").
const goneCodes = new Set(['RegistryNotFound', 'VaultNotFound', 'VaultNotFoundForKey', 'UserIdentityNotFound', 'KeyNotFound', 'KeyPurged', 'VaultSoftDeleted']);

/** A failure of a flow's read-only check (before any change): `CheckBeforeChangeFailed`, or a domain error saying what is gone. */
export function explainCheckFailure(error: unknown): ExplainedFailure | undefined {
    if (!isDomainError(error)) {
        return undefined;
    }
    if (error.code === 'CheckBeforeChangeFailed') {
        return { step: error.params.step ?? '', cause: error.params.cause ?? '' };
    }
    return goneCodes.has(error.code) ? { step: 'check before any change', cause: describeError(error), gone: true } : undefined;
}
