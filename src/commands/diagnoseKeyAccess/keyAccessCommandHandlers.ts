import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { CommandServices } from '../CommandServices';
import { restoreKeyAccess } from '../restoreKeyAccess/restoreKeyAccess';
import { revokeKeyAccess } from '../revokeKeyAccess/revokeKeyAccess';
import { diagnoseAllKeyAccess } from './diagnoseAllKeyAccess';
import { diagnoseKeyAccess } from './diagnoseKeyAccess';
import { fixKeyAccess } from './fixKeyAccess';

/** The key access family: revoke, restore, diagnose (one / all) and apply a diagnosed fix. */
export const keyAccessCommandHandlers: Readonly<Record<string, (context: IActionContext, services: CommandServices, arg?: unknown) => Promise<unknown>>> = {
    'acrCmk.revokeKeyAccess': revokeKeyAccess,
    'acrCmk.restoreKeyAccess': restoreKeyAccess,
    'acrCmk.diagnoseKeyAccess': diagnoseKeyAccess,
    'acrCmk.diagnoseAllKeyAccess': diagnoseAllKeyAccess,
    'acrCmk.fixKeyAccess': fixKeyAccess,
};
