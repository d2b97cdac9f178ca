import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { SubscriptionTarget } from '../../auth/SubscriptionSource';
import type { RotationPolicyInput } from '../../domain/keys/rotationPolicy';
import type { AzureClientFactory } from '../../domain/clients/AzureClientFactory';
import type { RegistrySummary } from '../../domain/registries/RegistryEncryption';
import type { RotationPlan, RotationProgress } from '../../domain/rotate/RotationPlan';
import type { IdentityChoice, RotationConsent, RotationRequest } from '../../domain/rotate/RotationRequest';
import type { RotationResult } from '../../domain/rotate/runRotation';
import type { AffectedRegistry } from '../../domain/revoke/sharedAccess';
import type { CommandServices } from '../CommandServices';
import type { RunJournal } from '../../domain/engine/RunJournal';

/** The answers a rotation wizard's prompts collect. */
export interface RotateKeyAnswers {
    keySource?: 'newVersion' | 'sameVault' | 'otherVault' | 'keyId';
    /** The key to rotate to (any vault), versioned or not; implies an existing key. */
    keyId?: string;
    versionless?: boolean;
    identity?: IdentityChoice;
    /** Subscriptions searched for the key's vault (defaults to the registry's and every visible one). */
    subscriptionIds?: string[];
    /** `null`: no policy; undefined: ask (Enable Automatic Rotation only). */
    rotationPolicy?: RotationPolicyInput | null;
    removePreviousIdentityAccess?: boolean;
}

export interface RotationWizardContext extends IActionContext {
    readonly services: CommandServices;
    readonly factory: AzureClientFactory;
    registry: RegistrySummary;
    readonly answers: RotateKeyAnswers;
    consent: RotationConsent;
    /** Vault URL chosen for "another key" (same vault or one picked in any subscription). */
    vaultUrl?: string;
    /** Enable Automatic Rotation: a rotation policy was chosen, and its interval once typed. */
    policyWanted?: boolean;
    policyRotateEveryDays?: number;
    /** Subscription picked to look for another vault in. */
    vaultSubscription?: SubscriptionTarget;
    plan?: RotationPlan;
    /** Use System-Assigned Identity: the other registries that lose their key when the previous identity's access goes. */
    sharingPreviousIdentity?: readonly AffectedRegistry[];
    progress?: RotationProgress;
    result?: RotationResult;
    /** The command that runs the wizard (`rotateKey`, `useSystemIdentity`, …): named in its journal. */
    readonly command: string;
    /** The run's journal, begun before the first change. */
    journal?: RunJournal;
}

/** Builds the flow's request from the answers; the plan step adds the consents. */
export type RotationRequestBuilder = (context: RotationWizardContext) => Omit<RotationRequest, 'consent'>;
