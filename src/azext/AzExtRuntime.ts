import type { IActionContext, IAzExtLogOutputChannel } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';

type AzExtUtils = typeof import('@microsoft/vscode-azext-utils');

/** Runs a callback inside `callWithTelemetryAndErrorHandling` (what commands and tree loads go through). */
export interface TelemetryRunner {
    callWithTelemetryAndErrorHandling<T>(callbackId: string, callback: (context: IActionContext) => Promise<T>): Promise<T | undefined>;
}

/**
 * `@microsoft/vscode-azext-utils` on demand. Evaluating it (with the telemetry SDKs it pulls in, ~1.4 MB bundled)
 * costs more than everything else activation does, so it is loaded by the first command or the first tree load, not
 * by `activate`: the build puts it in the lazily required dist/extension.lazy.js (scripts/buildExtension.ts). The output
 * channel is VS Code's own log channel, created on first use, so nothing needs the package to log.
 */
export class AzExtRuntime implements TelemetryRunner {
    private loading?: Promise<AzExtUtils>;
    private channel?: IAzExtLogOutputChannel;
    /** The bundle's exports as VS Code found them (see keepBundleExports). */
    private readonly bundleExports = require.cache[__filename]?.exports as unknown;

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly channelName: string,
    ) {}

    get outputChannel(): IAzExtLogOutputChannel {
        if (!this.channel) {
            const channel = vscode.window.createOutputChannel(this.channelName, { log: true });
            // vscode-azext-utils writes through `appendLog`; a log channel stamps the time itself.
            this.channel = Object.assign(channel, {
                appendLog: (value: string, options?: { resourceName?: string }) =>
                    channel.info(options?.resourceName ? `${options.resourceName}: ${value}` : value),
            });
            this.context.subscriptions.push(channel);
        }
        return this.channel;
    }

    /** The package, with `registerUIExtensionVariables` done (it must precede any other call into it). */
    load(): Promise<AzExtUtils> {
        this.loading ??= import('@microsoft/vscode-azext-utils').then((utils) => {
            keepBundleExports(this.bundleExports);
            utils.registerUIExtensionVariables({ context: this.context, outputChannel: this.outputChannel });
            return utils;
        });
        return this.loading;
    }

    async callWithTelemetryAndErrorHandling<T>(callbackId: string, callback: (context: IActionContext) => Promise<T>): Promise<T | undefined> {
        const utils = await this.load();
        return utils.callWithTelemetryAndErrorHandling(callbackId, callback);
    }
}

/**
 * tas-client (pulled in by vscode-azext-utils) ships a UMD file inside a `"type": "module"` package, so in a bundle
 * its `module.exports = factory()` hits the bundle file's own module and replaces that file's exports when it is
 * evaluated. In the split build that file is dist/extension.lazy.js, whose exports the entry read before (see
 * scripts/buildExtension.ts); in a one-file bundle it is the extension's: VS Code keeps the exports it read at load,
 * but `require` of the bundle must keep finding `activate`, so put them back. (Unbundled, nothing changes.)
 */
function keepBundleExports(exports: unknown): void {
    const bundle = require.cache[__filename];
    if (bundle && exports !== undefined && bundle.exports !== exports) {
        bundle.exports = exports;
    }
}
