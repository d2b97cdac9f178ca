import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { CommandServices } from '../CommandServices';
import { enableAutoRotation } from '../enableAutoRotation/enableAutoRotation';
import { firewallPath } from '../firewallPath/firewallPath';
import { useSystemIdentity } from '../useSystemIdentity/useSystemIdentity';
import { rotateKey } from './rotateKey';
import type { RotateKeyAnswers } from './RotateKeyContext';

type RotationCommand = (context: IActionContext, services: CommandServices, arg?: unknown, answers?: RotateKeyAnswers) => Promise<unknown>;

/** The key-rotation family; the second command argument is an optional `RotateKeyAnswers` object. */
const handlers: Record<string, RotationCommand> = {
    'acrCmk.rotateKey': rotateKey,
    'acrCmk.useSystemIdentity': useSystemIdentity,
    'acrCmk.enableAutoRotation': enableAutoRotation,
    'acrCmk.firewallPath': firewallPath,
};

export const rotationCommandHandlers = Object.fromEntries(Object.entries(handlers).map(([id, handler]) => [id,
    (context: IActionContext, services: CommandServices, arg?: unknown, answers?: unknown) => handler(context, services, arg, toAnswers(answers))]));

function toAnswers(value: unknown): RotateKeyAnswers | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as RotateKeyAnswers : undefined;
}
