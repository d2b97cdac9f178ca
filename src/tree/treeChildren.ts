import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { TelemetryRunner } from '../azext/AzExtRuntime';
import type { TreeNode } from './TreeNode';

/**
 * A view's `getChildren` as every tree of the extension runs it: a row's children, or (no row) the view's `root` rows,
 * inside the telemetry and error handling (a quiet success), and an empty list when loading failed. Our own views (those
 * with a root) show the failure in their error rows and do not rethrow it; the Azure sidebar's branch lets the host see it.
 */
export async function childrenWithTelemetry(
    telemetry: TelemetryRunner,
    callbackId: string,
    node: TreeNode | undefined,
    root?: () => Promise<TreeNode[]>,
): Promise<TreeNode[]> {
    const children = await telemetry.callWithTelemetryAndErrorHandling(callbackId, async (context: IActionContext) => {
        context.telemetry.suppressIfSuccessful = true;
        if (root) {
            context.errorHandling.rethrow = false;
        }
        return node ? ((await node.getChildren?.(context)) ?? []) : (root?.() ?? []);
    });
    return children ?? [];
}
