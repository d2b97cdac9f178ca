import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { EmulatorEnvironment } from '../../test/emulator';
import { repoRoot, startEmulatorProcess, type EmulatorProcess } from './emulatorProcess';
import { packHelloWorldVsix } from './helloWorldVsix';
import { probesDir } from './probe';
import { loadRig, type RunningCodeServer } from './vscodeHostRig';

export interface VsCodeHostSession {
    readonly url: string;
    readonly workspace: string;
    readonly browser: Browser;
    readonly emulator: EmulatorProcess;
    /** Where bench/probes/extHostModules.cjs writes what each extension host loaded. */
    readonly probeDir: string;
    /** The installed copy of the extension (from `npm run package`) and its built files in the repository. */
    readonly installedDir: string;
    readonly distDir: string;
    close(): Promise<void>;
}

/**
 * A code-server (the e2e rig's install, settings and start) whose fresh extensions dir holds exactly two extensions,
 * both installed from VSIXes with code-server's CLI: this extension (`npm run package`) and the hello-world baseline.
 * The extension is wired to an emulator seeded with `seed` through the same user settings as the tests, and the
 * module probe is preloaded into the extension hosts.
 */
export async function openVsCodeHostSession(seed: string, progress: (message: string) => void): Promise<VsCodeHostSession> {
    const rig = await loadRig();
    const host = await rig.ensureVsCodeHost();
    const workDir = mkdtempSync(path.join(tmpdir(), 'acr-cmk-bench-vscode-'));
    const cleanups: (() => Promise<void>)[] = [async () => rmSync(workDir, { recursive: true, force: true })];
    const close = async () => {
        for (const cleanup of cleanups.reverse()) {
            await cleanup().catch(() => undefined);
        }
    };
    try {
        progress('vscode-host: npm run package, hello-world VSIX, emulator');
        const [vsix, helloVsix, emulator] = await Promise.all([rig.packageVsix(), packHelloWorldVsix(workDir), startEmulatorProcess({ seed })]);
        cleanups.push(() => emulator.stop());
        const runDir = path.join(workDir, 'code-server');
        const installed = await rig.installVsix({ host, runDir, vsix });
        await rig.installExtension({ host, runDir, vsix: helloVsix });
        const environment: EmulatorEnvironment = { ...emulator.environment, caCertPath: path.resolve(emulator.outDir, emulator.environment.caCertPath) };
        rig.writeUserSettings(path.join(runDir, 'user-data'), environment);
        addUserSettings(path.join(runDir, 'user-data'), benchSettings);
        const probeDir = path.join(workDir, 'probe');
        const workspace = path.join(workDir, 'workspace');
        mkdirSync(probeDir);
        mkdirSync(workspace);
        const main = (JSON.parse(readFileSync(path.join(installed.installedDir, 'package.json'), 'utf8')) as { main: string }).main;
        const server: RunningCodeServer = await rig.startCodeServer({
            host,
            runDir,
            logDir: path.join(workDir, 'logs'),
            folder: workspace,
            name: 'code-server-bench',
            // code-server passes its execArgv on to the extension hosts: the module probe, and gc for the probe's retained-heap figure.
            nodeArgs: [...rig.extensionHostNodeArgs, '--expose-gc', '--require', path.join(probesDir, 'extHostModules.cjs')],
            env: {
                ...rig.extensionHostEnv(environment),
                BENCH_EXTHOST_PROBE_DIR: probeDir,
                BENCH_EXTHOST_PROBE_EXTENSION_DIR: installed.installedDir,
                BENCH_EXTHOST_PROBE_MAIN: main,
            },
        });
        cleanups.push(() => server.stop());
        const browser = await rig.launchChromium();
        cleanups.push(() => browser.close());
        return { url: server.url, workspace, browser, emulator, probeDir, installedDir: installed.installedDir, distDir: path.join(repoRoot, 'dist'), close };
    } catch (error) {
        await close();
        throw error;
    }
}

/**
 * Without the smoke-test driver, VS Code 1.139 opens editors such as Running Extensions as a modal over the window,
 * which keeps the keyboard (F1) and the activity bar from the rest of the run: editors open in the editor area.
 */
const benchSettings = { 'workbench.editor.useModal': 'off' };

function addUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
    const file = path.join(userDataDir, 'User', 'settings.json');
    writeFileSync(file, JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), ...settings }, null, 2));
}
