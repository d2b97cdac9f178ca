import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/** What bench/probes/extHostModules.cjs records about the modules loaded in an extension host. */
export interface LoadedModules {
    at: number;
    extensionFiles: string[];
    azureModules: string[];
    cachedModules: number;
    /** Only in modules-<pid>.json: process.memoryUsage() when signalled, and after a full gc (if the host has --expose-gc). */
    memory?: NodeJS.MemoryUsage;
    memoryAfterGc?: NodeJS.MemoryUsage;
}

/** The extension hosts that announced themselves in the probe folder (exthost-<pid>.json). */
export function announcedHosts(probeDir: string): number[] {
    return readdirSync(probeDir)
        .map((file) => /^exthost-(\d+)\.json$/.exec(file)?.[1])
        .filter((pid): pid is string => pid !== undefined)
        .map(Number);
}

/** Waits for an extension host not in `known` (the one the page just started) that is alive. */
export async function waitForNewHost(probeDir: string, known: ReadonlySet<number>, timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const fresh = announcedHosts(probeDir).filter((pid) => !known.has(pid) && existsSync(`/proc/${pid}`));
        if (fresh.length === 1) {
            return fresh[0]!;
        }
        if (fresh.length > 1) {
            throw new Error(`more than one new extension host: ${fresh.join(', ')}`);
        }
        if (Date.now() > deadline) {
            throw new Error(`no new extension host announced itself in ${probeDir} within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}

/** Resident set size and its peak (VmRSS, VmHWM from /proc/<pid>/status), in MB. */
export function residentMb(pid: number): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Reads `<kind>-<pid>.json` once the probe wrote it. */
export async function readProbeFile(probeDir: string, kind: 'activation' | 'modules', pid: number, timeoutMs = 10_000): Promise<LoadedModules> {
    const file = path.join(probeDir, `${kind}-${pid}.json`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            return JSON.parse(readFileSync(file, 'utf8')) as LoadedModules;
        } catch {
            /* not written (completely) yet */
        }
        if (Date.now() > deadline) {
            throw new Error(`${file} was not written within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

/** The `@azure/*` modules whose code a built file holds, from its source map next to it (dist/*.js.map of the same build). */
export function azureSourcesInBuild(builtFile: string): number | undefined {
    const map = `${builtFile}.map`;
    if (!existsSync(map)) {
        return undefined;
    }
    const sources = (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources;
    // A source in a bundler plugin's namespace (`name:/path`, e.g. a stand-in that forwards to the lazily loaded file)
    // is not the module's code; a one-letter prefix would be a Windows drive.
    const isPluginStandIn = (source: string) => /^[a-z][\w+.-]+:/i.test(source) && !source.startsWith('file:');
    return sources.filter((source) => /node_modules\/@azure\//.test(source) && !isPluginStandIn(source)).length;
}

/** Asks the host's probe (SIGUSR2) for its loaded modules and memory now (it runs a full gc after reading the memory). */
export function snapshotHost(probeDir: string, pid: number): Promise<LoadedModules> {
    rmSync(path.join(probeDir, `modules-${pid}.json`), { force: true });
    process.kill(pid, 'SIGUSR2');
    return readProbeFile(probeDir, 'modules', pid);
}
