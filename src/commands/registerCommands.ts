import * as vscode from 'vscode';
import type { TelemetryRunner } from '../azext/AzExtRuntime';
import { commandIds, type CommandId } from './commandIds';
import type { CommandServices } from './CommandServices';
import { offerInterruptedRuns } from './journal/offerInterruptedRuns';
import { markRememberedRevocations } from './keyAccessServices';

/**
 * Registers every command with a thin callback; the implementations (commandHandlers.ts, the wizards and
 * vscode-azext-utils) are loaded by the first command run. Each run goes through callWithTelemetryAndErrorHandling
 * with the command id as callback id, as vscode-azext-utils' `registerCommand` does.
 */
export function registerCommands(services: CommandServices, telemetry: TelemetryRunner, subscriptions: vscode.Disposable[]): void {
    markRememberedRevocations(services);
    // The Registries view's fleet warning marks come from the Keys view's fleet (read only when a CMK row is drawn).
    services.tree.fleetMarks.readFrom(services.keys);
    for (const id of commandIds) {
        subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(id, services, telemetry, args)));
    }
    // A flow cut off by a reload or a crash of another (now gone) extension host: offered once the commands exist.
    void offerInterruptedRuns(services).catch(() => undefined);
}

function runCommand(id: CommandId, services: CommandServices, telemetry: TelemetryRunner, args: unknown[]): Promise<unknown> {
    return telemetry.callWithTelemetryAndErrorHandling(id, async (context) => {
        const contextValue = treeItemContextValue(args[0]);
        if (contextValue) {
            context.telemetry.properties.contextValue = contextValue; // what registerCommand records for tree nodes
        }
        // Loaded after vscode-azext-utils is set up (the wizards need it registered), inside the error handling.
        const { commandHandler } = await import('./commandHandlers.js');
        try {
            return await commandHandler(id)(context, services, args);
        } catch (error) {
            // A failed change of any flow: where it stopped, for telemetry (the message says it to the user).
            const { isStepFailure } = await import('../domain/engine/StepFailure.js');
            if (isStepFailure(error)) {
                Object.assign(context.telemetry.properties, { failedFlow: error.flow, failedStep: error.step });
            }
            throw await localized(error);
        }
    });
}

/**
 * The error handler shows `error.message`: a domain error (code + parameters) or a recognized connection failure
 * becomes its localized text here, once for every command; the code stays on the error for telemetry.
 */
async function localized(error: unknown): Promise<unknown> {
    const { isDomainError } = await import('../domain/errors.js');
    const { connectionProblem } = await import('../domain/cloud/connectionProblem.js');
    if (!isDomainError(error) && !connectionProblem(error)) {
        return error;
    }
    const { errorMessage } = await import('../l10n/errorMessage.js');
    const code = isDomainError(error) ? error.code : connectionProblem(error)?.code;
    return Object.assign(new Error(errorMessage(error)), { code, cause: error });
}

function treeItemContextValue(arg: unknown): string | undefined {
    const node = arg as { getTreeItem?: () => { contextValue?: unknown } } | undefined;
    try {
        const contextValue = typeof node?.getTreeItem === 'function' ? node.getTreeItem().contextValue : undefined;
        return typeof contextValue === 'string' ? contextValue : undefined;
    } catch {
        return undefined; // telemetry never stops a command
    }
}
