import type { AzureClientFactory } from '../../clients/AzureClientFactory';
import type { StepJournal } from '../../engine/RunJournal';
import type { CreatePlan } from '../CreatePlan';
import type { CreateRunState } from '../CreateRunState';

export interface CreateOptions {
    /** How long a fresh grant may take to reach Key Vault (RBAC propagation) before key creation gives up. Default 5 minutes. */
    readonly grantPropagationTimeoutMs?: number;
    /** Wait between attempts while a grant propagates. Default 5 seconds. */
    readonly grantPropagationPollMs?: number;
}

export interface StepContext {
    readonly factory: AzureClientFactory;
    readonly plan: CreatePlan;
    readonly state: CreateRunState;
    readonly options: CreateOptions;
    readonly journal: StepJournal;
}

/** One step's requests; whether it runs is decided by `decideCreate`. */
export type CreateStep = {
    readonly run: (ctx: StepContext) => Promise<void>;
    /** After a failure: record anything the failed request may still have created, so the report and cleanup see it. */
    readonly probe?: (ctx: StepContext) => Promise<void>;
};
