import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { EmulatorEnvironment } from '../../test/emulator';
import { repoRoot } from './emulatorProcess';

/**
 * Typed access to the real-VS-Code rig of `npm run test:e2e` (test/runner/e2e/*.mjs: cached code-server + Node 24
 * install, code-server start/stop, the user settings wiring the extension to the emulator, Debian's Chromium,
 * VSIX packaging and installing), so the benchmark runs VS Code exactly the way the tests do.
 */
export interface VsCodeHost {
    node24: string;
    codeServerEntry: string;
    env: NodeJS.ProcessEnv;
}
export interface RunningCodeServer {
    url: string;
    port: number;
    stop(): Promise<void>;
}
export interface CodeServerOptions {
    host: VsCodeHost;
    runDir: string;
    logDir: string;
    folder: string;
    env?: NodeJS.ProcessEnv;
    nodeArgs?: string[];
    name?: string;
    extraArgs?: string[];
}
export interface Rig {
    ensureVsCodeHost(): Promise<VsCodeHost>;
    startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer>;
    writeUserSettings(userDataDir: string, environment: EmulatorEnvironment): void;
    extensionHostEnv(environment: EmulatorEnvironment): NodeJS.ProcessEnv;
    extensionHostNodeArgs: string[];
    launchChromium(): Promise<Browser>;
    packageVsix(): Promise<string>;
    installExtension(options: { host: VsCodeHost; runDir: string; vsix: string }): Promise<string>;
    installVsix(options: { host: VsCodeHost; runDir: string; vsix: string }): Promise<{ extensionsDir: string; installedDir: string; listed: string[] }>;
}

const rigModule = (name: string): Promise<Record<string, unknown>> =>
    import(pathToFileURL(path.join(repoRoot, 'test', 'runner', 'e2e', name)).href) as Promise<Record<string, unknown>>;

export async function loadRig(): Promise<Rig> {
    const modules = await Promise.all(['install.mjs', 'codeServer.mjs', 'settings.mjs', 'browser.mjs', 'vsixInstalled.mjs'].map(rigModule));
    return Object.assign({}, ...modules) as Rig;
}
