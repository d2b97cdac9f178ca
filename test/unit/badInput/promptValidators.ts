/**
 * The `validateInput` of every prompt, taken from the real wizard steps and prompt functions (run with a
 * recording `ui`): the catalogue checks exactly what a user would see under the input box.
 */
import './vscodeStandIn';
import { NameStep, names } from '../../../src/commands/createEncryptedRegistry/NameStep';
import { VaultRetentionStep } from '../../../src/commands/createEncryptedRegistry/VaultRetentionStep';
import { ParameterValuesStep } from '../../../src/commands/deployTemplate/ParameterValuesStep';
import { NotifyBeforeExpiryStep } from '../../../src/commands/wizard/NotifyBeforeExpiryStep';
import { RotationIntervalStep } from '../../../src/commands/wizard/RotationIntervalStep';
import { typeRegistryName } from '../../../src/commands/revokeKeyAccess/revokePrompts';
import { KeyIdInputStep } from '../../../src/commands/wizard/KeyIdInputStep';
import { azureCloud } from '../../../src/domain/cloud/knownClouds';
import type { RevokePlan } from '../../../src/domain/revoke/revokeKeyAccess';

type Validate = (value: string) => string | undefined | Promise<string | undefined>;
type Prompting = (ui: RecordingUi) => Promise<unknown>;

class Captured extends Error {}

/** Answers earlier input boxes with `answers`, picks the first quick-pick item, accepts warnings; stops at input box `index`. */
class RecordingUi {
    private inputs = 0;
    validate?: Validate;
    constructor(
        private readonly index: number,
        private readonly answers: readonly string[],
    ) {}
    showQuickPick = <T>(items: T[]): Promise<T> => Promise.resolve(items[0] as T);
    showWarningMessage = <T>(_message: string, _options: unknown, ...buttons: T[]): Promise<T> => Promise.resolve(buttons[0] as T);
    showInputBox = (options: { validateInput?: Validate }): Promise<string> => {
        if (this.inputs === this.index) {
            this.validate = options.validateInput;
            return Promise.reject(new Captured());
        }
        return Promise.resolve(this.answers[this.inputs++] ?? '');
    };
}

async function capture(prompting: Prompting, index = 0, answers: readonly string[] = []): Promise<Validate> {
    const ui = new RecordingUi(index, answers);
    await prompting(ui).catch((error: unknown) => {
        if (!(error instanceof Captured)) {
            throw error;
        }
    });
    if (!ui.validate) {
        throw new Error('the prompt showed no input box with validateInput');
    }
    return ui.validate;
}

export const revokeRegistryName = 'cmkreg1';
const revokePlan = {
    target: { registry: { name: revokeRegistryName }, vault: { name: 'kv-cmk' }, key: { keyName: 'cmk' } },
    method: { kind: 'removeAccess' },
    grants: [],
    versions: [],
} as unknown as RevokePlan;
const wizard = (ui: RecordingUi, extra: Record<string, unknown> = {}) => ({ ui, subscription: {}, answers: {}, ...extra }) as never;

/** One validator per prompt surface (the catalogue's `surface` names). */
export async function promptValidators(): Promise<Record<PromptSurface, Validate>> {
    return {
        registryName: await capture((ui) => new NameStep(names.registry).prompt(wizard(ui))),
        vaultName: await capture((ui) => new NameStep(names.vault).prompt(wizard(ui))),
        retentionDays: await capture((ui) => new VaultRetentionStep().prompt(wizard(ui, { vault: { kind: 'new', name: 'kv-ok' } }))),
        keyName: await capture((ui) => new NameStep(names.key).prompt(wizard(ui))),
        identityName: await capture((ui) => new NameStep(names.identity).prompt(wizard(ui))),
        resourceGroupName: await capture((ui) => new NameStep(names.resourceGroup).prompt(wizard(ui))),
        keyId: await capture((ui) => new KeyIdInputStep().prompt(wizard(ui, { factory: { cloud: azureCloud } }))),
        rotationIntervalDays: await capture((ui) => new RotationIntervalStep().prompt(wizard(ui))),
        notifyDaysBeforeExpiry: await capture((ui) => new NotifyBeforeExpiryStep().prompt(wizard(ui, { policyRotateEveryDays: 90 }))),
        templateParameter: await capture((ui) =>
            new ParameterValuesStep().prompt(wizard(ui, { template: { parameters: { registry_name: { type: 'string' } } }, parameters: {} })),
        ),
        revokeConfirmation: await capture((ui) => typeRegistryName(wizard(ui), revokePlan)),
    };
}

export const promptSurfaces = [
    'registryName',
    'vaultName',
    'retentionDays',
    'keyName',
    'identityName',
    'resourceGroupName',
    'keyId',
    'rotationIntervalDays',
    'notifyDaysBeforeExpiry',
    'templateParameter',
    'revokeConfirmation',
] as const;
export type PromptSurface = (typeof promptSurfaces)[number];
