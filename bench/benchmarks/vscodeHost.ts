import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { activityBarEntry, runCommand } from '../../test/e2e/ui/workbench';
import type { BenchContext, Benchmark } from '../lib/benchmark';
import { adminJson } from '../../test/support/adminRequest';
import { repoRoot } from '../lib/emulatorProcess';
import { announcedHosts, azureSourcesInBuild, readProbeFile, residentMb, snapshotHost, waitForNewHost, type LoadedModules } from '../lib/extensionHostProcess';
import { helloWorld } from '../lib/helloWorldVsix';
import { expandAllTopLevel, lastRowText, waitForTreeRows } from '../lib/registryTreeUi';
import { makeResult, type BenchResult } from '../lib/results';
import { openRunningExtensions, waitForActivationTime, waitForQuietHost } from '../lib/runningExtensions';
import { median } from '../lib/stats';
import { openVsCodeHostSession, type VsCodeHostSession } from '../lib/vscodeHostSession';

interface TreeMemory {
    beforeMb: number;
    afterMb: number;
    peakMb: number;
    rows: number;
    expectedRows: number;
    loadMs: number;
    lastRow: string;
    beforeView: LoadedModules;
    afterTree: LoadedModules;
}
interface Run {
    ours: number;
    hello: number;
    activation: LoadedModules;
    memory?: TreeMemory;
}

/**
 * Issue 7 in the real VS Code: code-server with the packaged extension and the hello-world baseline installed from
 * VSIXes. Each run opens a fresh window (a new extension host), waits for the host's own startup activations to settle,
 * activates the hello world (its command) then this extension (its view), and reads both activation times from
 * "Developer: Show Running Extensions". The last run then expands every subscription of a 100 × 10 000 world and
 * compares the extension host's RSS (/proc) before the view was opened with the RSS once the tree holds every row.
 */
export const vscodeHost: Benchmark = {
    name: 'vscode-host',
    async run(context: BenchContext): Promise<BenchResult[]> {
        const world = context.quick ? { subscriptions: 20, registries: 2000 } : { subscriptions: 100, registries: 10_000 };
        const runs = context.quick ? 3 : 5;
        const session = await openVsCodeHostSession(`subscriptions=${world.subscriptions},registries=${world.registries},cmk=0.3`, context.progress);
        try {
            const known = new Set(announcedHosts(session.probeDir));
            const samples: Run[] = [];
            for (let run = 0; run < runs; run++) {
                context.progress(`vscode-host: window ${run + 1}/${runs}`);
                samples.push(await measureWindow(session, known, run === runs - 1 ? world : undefined));
            }
            return results(session, samples);
        } finally {
            await session.close();
        }
    },
};

/**
 * One fresh window: a new browser context (no restored workbench state, so the extension's view is not reopened by
 * itself) and so a new extension host, which is stopped when the window has been measured.
 */
async function measureWindow(session: VsCodeHostSession, known: Set<number>, treeWorld?: { subscriptions: number; registries: number }): Promise<Run> {
    // Tall: the Running Extensions editor draws only the rows in view (70 px each, about 20 extensions).
    const window = await session.browser.newContext({ viewport: { width: 1280, height: 2400 } });
    const page = await window.newPage();
    let pid: number | undefined;
    try {
        await page.goto(`${session.url}?folder=${encodeURIComponent(session.workspace)}`);
        await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
        pid = await waitForNewHost(session.probeDir, known);
        known.add(pid);
        return await measureActivations(session, page, pid, treeWorld);
    } catch (error) {
        const shot = path.join(repoRoot, 'out', 'bench', 'vscode-host-failure.png');
        await page.screenshot({ path: shot }).then(
            () => process.stderr.write(`[bench] vscode-host: screenshot of the failure: ${path.relative(repoRoot, shot)}\n`),
            () => undefined,
        );
        throw error;
    } finally {
        await window.close();
        // The server keeps a disconnected window's extension host for a reconnection grace period (hours): not needed here.
        if (pid !== undefined) {
            try {
                process.kill(pid, 'SIGTERM');
            } catch {
                /* already gone */
            }
        }
    }
}

async function measureActivations(
    session: VsCodeHostSession,
    page: Page,
    pid: number,
    treeWorld?: { subscriptions: number; registries: number },
): Promise<Run> {
    await openRunningExtensions(page);
    const quiet = await waitForQuietHost(page);
    const ours = displayName(session.installedDir);
    if (quiet.has(ours)) {
        throw new Error(`${ours} was activated before its view was opened: the measurement would not be a view activation`);
    }
    const before = residentMb(pid);
    const beforeView = treeWorld ? await snapshotHost(session.probeDir, pid) : undefined; // heap after a full gc, before the view
    // The hello world first, then this extension: each activates in a host with nothing else going on.
    await runCommand(page, helloWorld.commandTitle);
    const hello = await waitForActivationTime(page, helloWorld.displayName);
    const viewOpened = Date.now();
    await activityBarEntry(page, viewContainerTitle(session.installedDir)).click();
    const oursMs = await waitForActivationTime(page, ours);
    const activation = await readProbeFile(session.probeDir, 'activation', pid);
    const memory = treeWorld && beforeView ? await measureTree(session, page, pid, { rss: before.rss, beforeView }, treeWorld, viewOpened) : undefined;
    return { ours: oursMs, hello, activation, memory };
}

async function measureTree(
    session: VsCodeHostSession,
    page: Page,
    pid: number,
    before: { rss: number; beforeView: LoadedModules },
    world: { subscriptions: number; registries: number },
    viewOpened: number,
): Promise<TreeMemory> {
    const state = await adminJson<{ subscriptions: object; registries: object }>(`${session.emulator.environment.adminEndpoint}state`, session.emulator.ca);
    const expectedRows = Object.keys(state.subscriptions).length + Object.keys(state.registries).length;
    if (expectedRows !== world.subscriptions + world.registries) {
        throw new Error(`the emulator holds ${expectedRows} subscriptions + registries, seeded ${world.subscriptions + world.registries}`);
    }
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 120_000 });
    await expandAllTopLevel(page, world.subscriptions);
    const rows = await waitForTreeRows(page, expectedRows, 240_000);
    const loadMs = Date.now() - viewOpened;
    const after = residentMb(pid);
    const lastRow = await lastRowText(page);
    if (!/· (customer|service)-managed key/.test(lastRow)) {
        throw new Error(`the tree's last row is not a registry: ${lastRow}`);
    }
    const afterTree = await snapshotHost(session.probeDir, pid);
    return {
        beforeMb: before.rss,
        beforeView: before.beforeView,
        afterMb: after.rss,
        peakMb: after.peak,
        rows,
        expectedRows,
        loadMs,
        lastRow: lastRow.replace(/\s+/g, ' '),
        afterTree,
    };
}

function results(session: VsCodeHostSession, samples: Run[]): BenchResult[] {
    const hello = samples.map((sample) => sample.hello);
    const activation = samples[samples.length - 1]!.activation;
    const azureInLoadedBuilds = activation.extensionFiles.map((file) => ({
        file,
        azure: azureSourcesInBuild(path.join(session.distDir, path.relative('dist', file))),
    }));
    const azureLoaded = activation.azureModules.length + azureInLoadedBuilds.reduce((sum, entry) => sum + (entry.azure ?? 0), 0);
    const memory = samples[samples.length - 1]!.memory!;
    const lateFiles = memory.afterTree.extensionFiles.filter((file) => !activation.extensionFiles.includes(file));
    return [
        makeResult({
            name: 'vscode-host activation (real VS Code, Running Extensions: load code + call activate)',
            unit: 'ms',
            samples: samples.map((sample) => sample.ours),
            baseline: median(hello),
            notes: `hello world from a VSIX in the same window, activated just before: ${hello.join(', ')} ms; this extension: ${samples.map((s) => s.ours).join(', ')} ms; one fresh window (new extension host) per run`,
        }),
        makeResult({
            name: 'vscode-host activation: @azure modules in what activation loaded',
            unit: 'modules',
            samples: [azureLoaded],
            baseline: null,
            goal: 'none',
            met: azureLoaded === 0,
            notes: `extension files in the host's module cache when activate returned: ${azureInLoadedBuilds.map((e) => `${e.file} (@azure sources in its build: ${e.azure ?? 'no source map'})`).join(', ')}; node_modules/@azure files: ${activation.azureModules.length}; loaded later, once the tree had listed: ${lateFiles.join(', ') || 'nothing'}`,
        }),
        makeResult({
            name: `vscode-host tree memory: extension host RSS growth, ${memory.expectedRows} tree rows expanded`,
            unit: 'MB',
            samples: [memory.afterMb - memory.beforeMb],
            baseline: memory.beforeMb,
            ratio: memory.afterMb / memory.beforeMb,
            notes:
                `RSS before opening the view ${memory.beforeMb.toFixed(1)} MB → ${memory.afterMb.toFixed(1)} MB with every subscription expanded (peak ${memory.peakMb.toFixed(1)} MB); ratio = after / before; ` +
                `V8 heap used ${memory.afterTree.memoryAfterGc ? 'after a full gc' : '(no gc: the host lacked --expose-gc)'}: ${heapMb(memory.beforeView)} MB before the view → ${heapMb(memory.afterTree)} MB with the tree (retained: ${(Number(heapMb(memory.afterTree)) - Number(heapMb(memory.beforeView))).toFixed(1)} MB); ` +
                `the tree showed ${memory.rows} rows (last: "${memory.lastRow}")`,
        }),
        makeResult({
            name: 'vscode-host tree load: view opened → every subscription expanded, all rows shown',
            unit: 'ms',
            samples: [memory.loadMs],
            baseline: null,
        }),
    ];
}

const heapMb = (snapshot: LoadedModules): string => ((snapshot.memoryAfterGc ?? snapshot.memory)!.heapUsed / 2 ** 20).toFixed(1);

function nls(installedDir: string, value: string): string {
    const key = /^%(.+)%$/.exec(value)?.[1];
    return key ? (JSON.parse(readFileSync(path.join(installedDir, 'package.nls.json'), 'utf8')) as Record<string, string>)[key]! : value;
}

function displayName(installedDir: string): string {
    return nls(installedDir, (JSON.parse(readFileSync(path.join(installedDir, 'package.json'), 'utf8')) as { displayName: string }).displayName);
}

function viewContainerTitle(installedDir: string): string {
    const manifest = JSON.parse(readFileSync(path.join(installedDir, 'package.json'), 'utf8')) as {
        contributes: { viewsContainers: { activitybar: { id: string; title: string }[] } };
    };
    return nls(installedDir, manifest.contributes.viewsContainers.activitybar.find((container) => container.id === 'acrCmk')!.title);
}
