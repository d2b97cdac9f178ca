import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { CommandId } from './commandIds';
import type { CommandServices } from './CommandServices';
import { copyKeyIdentifier, copyVersionedKeyIdentifier } from './copyKeyId/copyKeyIdentifier';
import { createEncryptedRegistry } from './createEncryptedRegistry/createEncryptedRegistry';
import { deployTemplateCommand } from './deployTemplate/deployTemplateCommand';
import { diagnoseAllKeyAccess } from './diagnoseKeyAccess/diagnoseAllKeyAccess';
import { diagnoseKeyAccess } from './diagnoseKeyAccess/diagnoseKeyAccess';
import { fixKeyAccess } from './diagnoseKeyAccess/fixKeyAccess';
import { enableAutoRotation } from './enableAutoRotation/enableAutoRotation';
import { firewallPath } from './firewallPath/firewallPath';
import { restoreKeyAccess } from './restoreKeyAccess/restoreKeyAccess';
import { revokeKeyAccess } from './revokeKeyAccess/revokeKeyAccess';
import { rotateKey } from './rotateKey/rotateKey';
import { useSystemIdentity } from './useSystemIdentity/useSystemIdentity';
import { exportFleetReport } from './exportFleetReport/exportFleetReport';
import { exportTemplate } from './exportTemplate/exportTemplate';
import { enableKeyAudit } from './keyAudit/enableKeyAudit';
import { openKeyUsageQuery } from './keyAudit/openKeyUsageQuery';
import { openInPortal } from './openInPortal/openInPortal';
import { recoverInterruptedRun } from './journal/recoverInterruptedRun';
import { refresh } from './refresh/refresh';
import { enableAutoRotationUsingKey, rotateAllUsingKey } from './rotateAllUsingKey/rotateAllUsingKey';
import { selectSubscriptions } from './selectSubscriptions/selectSubscriptions';
import { showEncryption } from './showEncryption/showEncryption';
import { showIdentityUsage } from './showIdentityUsage/showIdentityUsage';
import { showKeyUsage } from './showKeyUsage/showKeyUsage';
import { showVaultUsage } from './showVaultUsage/showVaultUsage';
import { signIn } from './signIn/signIn';

/** A command's handler, given every argument VS Code passed to the command. */
export type CommandHandler = (context: IActionContext, services: CommandServices, args: readonly unknown[]) => Promise<unknown>;
type OneArgument = (context: IActionContext, services: CommandServices, arg?: unknown) => Promise<unknown>;

const oneArgument =
    (handler: OneArgument): CommandHandler =>
    (context, services, [arg]) =>
        handler(context, services, arg);

/**
 * Every command's implementation. Loaded with a dynamic `import()` by the first command run (registerCommands.ts):
 * these modules (the wizards) need vscode-azext-utils at evaluation, which activation must not pay for.
 */
const handlers: Readonly<Record<CommandId, CommandHandler>> = {
    'acrCmk.refresh': oneArgument(refresh),
    'acrCmk.recoverInterruptedRun': oneArgument(recoverInterruptedRun),
    'acrCmk.signIn': oneArgument(signIn),
    'acrCmk.selectSubscriptions': oneArgument(selectSubscriptions),
    'acrCmk.showEncryption': oneArgument(showEncryption),
    'acrCmk.copyKeyId': oneArgument(copyKeyIdentifier),
    'acrCmk.copyVersionedKeyId': oneArgument(copyVersionedKeyIdentifier),
    'acrCmk.openInPortal': oneArgument(openInPortal),
    'acrCmk.createEncryptedRegistry': oneArgument(createEncryptedRegistry),
    'acrCmk.exportTemplate': oneArgument(exportTemplate),
    'acrCmk.deployTemplate': oneArgument(deployTemplateCommand),
    'acrCmk.showKeyUsage': oneArgument(showKeyUsage),
    'acrCmk.showVaultUsage': oneArgument(showVaultUsage),
    'acrCmk.showIdentityUsage': oneArgument(showIdentityUsage),
    'acrCmk.enableKeyAudit': oneArgument(enableKeyAudit),
    'acrCmk.openKeyUsageQuery': oneArgument(openKeyUsageQuery),
    'acrCmk.revokeKeyAccess': oneArgument(revokeKeyAccess),
    'acrCmk.restoreKeyAccess': oneArgument(restoreKeyAccess),
    'acrCmk.diagnoseKeyAccess': oneArgument(diagnoseKeyAccess),
    'acrCmk.diagnoseAllKeyAccess': oneArgument(diagnoseAllKeyAccess),
    'acrCmk.fixKeyAccess': (context, services, [arg, fix]) => fixKeyAccess(context, services, arg, fix as Parameters<typeof fixKeyAccess>[3]),
    'acrCmk.rotateKey': oneArgument(rotateKey),
    'acrCmk.useSystemIdentity': oneArgument(useSystemIdentity),
    'acrCmk.enableAutoRotation': oneArgument(enableAutoRotation),
    'acrCmk.firewallPath': oneArgument(firewallPath),
    'acrCmk.rotateAllUsingKey': oneArgument(rotateAllUsingKey),
    'acrCmk.enableAutoRotationUsingKey': oneArgument(enableAutoRotationUsingKey),
    'acrCmk.exportFleetReport': oneArgument(exportFleetReport),
};

/** Every id of commandIds.ts has exactly one handler here (a missing or unknown id does not compile). */
export const commandHandler = (id: CommandId): CommandHandler => handlers[id];

/** For the test that keeps commandIds.ts, this table and package.json in step. */
export const handledCommandIds = (): string[] => Object.keys(handlers);
