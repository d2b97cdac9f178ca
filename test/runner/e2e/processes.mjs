// Child processes the rig starts: each in its own process group (so stopping it also stops whatever it
// spawned), output teed to a log file, and a registry so the runner can stop everything on any exit path.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

const running = new Set();

/**
 * @param {string} name  used for the log file and messages
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logDir: string, echo?: boolean }} options
 */
export function startProcess(name, command, args, { cwd, env, logDir, echo = false }) {
    mkdirSync(logDir, { recursive: true });
    const log = createWriteStream(path.join(logDir, `${name}.log`));
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const lineListeners = new Set();
    let pending = '';
    const onData = (chunk) => {
        log.write(chunk);
        if (echo) process.stdout.write(chunk);
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) for (const listener of lineListeners) listener(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.on('error', (error) => log.write(`spawn error: ${error.message}\n`));

    const handle = {
        name,
        child,
        exited,
        /** Resolves with the regex match of the first line matching `pattern`; rejects on exit or deadline. */
        waitForLine(pattern, timeoutMs) {
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => done(new Error(`${name}: no line matching ${pattern} within ${timeoutMs} ms (see ${name}.log)`)), timeoutMs);
                const listener = (line) => {
                    const match = pattern.exec(line);
                    if (match) done(undefined, match);
                };
                const done = (error, match) => {
                    clearTimeout(timer);
                    lineListeners.delete(listener);
                    error ? reject(error) : resolve(match);
                };
                lineListeners.add(listener);
                exited.then(({ code, signal }) => done(new Error(`${name} exited (${signal ?? code}) before printing ${pattern} (see ${name}.log)`)));
            });
        },
        async stop() {
            running.delete(handle);
            await stopGroup(child, exited);
            log.end();
        },
    };
    running.add(handle);
    return handle;
}

async function stopGroup(child, exited) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    signalGroup(child.pid, 'SIGTERM');
    await Promise.race([exited, delay(8000)]);
    // Whether or not the leader left in time, its children may linger: the group is always killed for certain.
    signalGroup(child.pid, 'SIGKILL');
    await exited;
}

function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    } catch {
        /* group already gone */
    }
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Stops every process still running (reverse start order), e.g. from a finally block or a signal handler. */
export async function stopAll() {
    for (const handle of [...running].reverse()) await handle.stop();
}

/** Polls `check` until it returns a truthy value; rejects with `what` at the deadline. */
export async function waitFor(what, check, { timeoutMs = 30000, intervalMs = 250 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    while (Date.now() < deadline) {
        try {
            const value = await check();
            if (value) return value;
        } catch (error) {
            lastError = error;
        }
        await delay(intervalMs);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

/** Waits until `url` answers 200. */
export function waitForHttp(url, timeoutMs = 60000) {
    return waitFor(`${url} to answer 200`, async () => (await fetch(url)).ok, { timeoutMs });
}

/** Runs a short command to its end; resolves with its output (stdout + stderr), rejects with the tail on a non-zero exit. */
export function runToEnd(command, args, { cwd, env }) {
    return new Promise((resolve, reject) => {
        let output = '';
        const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('error', reject);
        child.on('exit', (code) =>
            code === 0
                ? resolve(output)
                : reject(new Error(`${path.basename(command)} ${args.slice(0, 2).join(' ')}… exited ${code}:\n${output.slice(-2000)}`)),
        );
    });
}
