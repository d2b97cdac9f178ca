import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { AzureClientFactory } from '../../domain/clients/AzureClientFactory';
import type { KeyInUse } from '../../domain/fleet/keysInUse';
import type { FleetRotationPlan, FleetTarget } from '../../domain/fleet/rotateAll/FleetRotation';

/** Answers Rotate All asks for; a test or another extension may give any of them up front. */
export interface RotateAllAnswers {
    target?: FleetTarget['kind'];
    /** The other key (target `existing`), versioned or not. */
    keyId?: string;
    versionless?: boolean;
    /** Skip the modal confirmation of the plan. */
    confirmed?: boolean;
}

export interface RotateAllContext extends IActionContext {
    readonly factory: AzureClientFactory;
    readonly key: KeyInUse;
    readonly subscriptionIds: readonly string[];
    readonly answers: RotateAllAnswers;
    plan?: FleetRotationPlan;
}
