import { startEmulator, type EmulatorOptions, type RunningEmulator } from './index';
import { parseIsoInstant } from './clock';

// `npm run emulator -- --port 0 --out <dir> [--seed spec] [--latency-ms n] [--state file] [--lro-polls n] [--key-vault-dns-suffix s] [--clock <ISO time>]`
function parseArgs(argv: string[]): EmulatorOptions {
    const value = (name: string): string | undefined => {
        const i = argv.indexOf(name);
        return i >= 0 ? argv[i + 1] : undefined;
    };
    const num = (name: string): number | undefined => (value(name) === undefined ? undefined : Number(value(name)));
    const outDir = value('--out');
    if (!outDir) throw new Error('usage: emulator --out <dir> [--port p] [--seed spec] [--latency-ms n] [--state file] [--lro-polls n] [--clock <ISO time>]');
    const clock = value('--clock');
    const clockStart = clock === undefined ? undefined : parseIsoInstant(clock);
    if (clock !== undefined && clockStart === undefined) {
        throw new Error(`--clock needs an ISO 8601 time with a zone (e.g. 2027-01-01T00:00:00Z), not '${clock}'`);
    }
    return {
        outDir,
        port: num('--port') ?? 0,
        seed: value('--seed'),
        latencyMs: num('--latency-ms'),
        statePath: value('--state'),
        lroPolls: num('--lro-polls'),
        keyVaultDnsSuffix: value('--key-vault-dns-suffix'),
        clockStart,
    };
}

async function main(): Promise<void> {
    // Handlers first, ready line last: whoever waits for "emulator ready" may signal the very next moment, and a signal
    // that lands before its handler is installed kills the process instead of stopping it cleanly.
    const running: { emulator?: RunningEmulator } = {};
    let stopping = false;
    const stop = (): void => {
        if (stopping) return;
        stopping = true;
        (running.emulator?.stop() ?? Promise.resolve()).then(
            () => process.exit(0),
            (e: unknown) => {
                process.stderr.write(`${String(e)}\n`);
                process.exit(1);
            },
        );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const emulator = await startEmulator(parseArgs(process.argv.slice(2)));
    running.emulator = emulator;
    if (stopping) {
        await emulator.stop();
        process.exit(0);
    }
    process.stdout.write(`emulator ready ${emulator.environment.armEndpoint}\n`);
}

main().catch((e: unknown) => {
    process.stderr.write(`emulator failed to start: ${(e as Error).message}\n`);
    process.exit(1);
});
