import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { TelemetryRunner } from '../azext/AzExtRuntime';
import type { TreeNode } from './TreeNode';

/**
 * A view's `getChildren` as every tree of the extension runs it: inside the telemetry and error handling (a quiet
 * success), and an empty list when loading failed. `keepErrors`: the failure is shown and not rethrown (our own views,
 * whose error rows say what went wrong); the Azure sidebar's branch lets the host see it.
 */
export async function childrenWithTelemetry(
    telemetry: TelemetryRunner,
    callbackId: string,
    load: (context: IActionContext) => Promise<TreeNode[]>,
    options: { readonly keepErrors?: boolean } = {},
): Promise<TreeNode[]> {
    const children = await telemetry.callWithTelemetryAndErrorHandling(callbackId, async (context: IActionContext) => {
        context.telemetry.suppressIfSuccessful = true;
        if (options.keepErrors) {
            context.errorHandling.rethrow = false;
        }
        return load(context);
    });
    return children ?? [];
}
