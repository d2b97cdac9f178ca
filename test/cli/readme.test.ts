import * as assert from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The README's "Use the emulator with the Azure CLI" block must work as written. The test runs that block with
// bash from the project folder, changing only the port (a free one) and the output folder (a temporary one).
const root = resolve(__dirname, '..', '..');

function readmeCliBlock(): string {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.split('## Use the emulator with the Azure CLI')[1];
    const block = section?.match(/```sh\n([\s\S]*?)```/)?.[1];
    assert.ok(block, 'README has a sh block under "Use the emulator with the Azure CLI"');
    return block;
}

function freePort(): Promise<number> {
    return new Promise((done, fail) => {
        const server = createServer()
            .listen(0, '127.0.0.1', () => {
                const { port } = server.address() as { port: number };
                server.close(() => done(port));
            })
            .on('error', fail);
    });
}

function runBash(script: string): Promise<{ code: number; output: string }> {
    return new Promise((done) => {
        const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => {
            output += chunk;
        });
        child.stderr.on('data', (chunk) => {
            output += chunk;
        });
        child.on('exit', (code) => {
            try {
                process.kill(-child.pid!, 'SIGTERM');
            } catch {
                /* the group is already gone */
            }
            done({ code: code ?? 1, output });
        });
    });
}

describe('README: Use the emulator with the Azure CLI', function () {
    this.timeout(300_000);
    let folder: string;
    before(function () {
        if (process.getuid?.() !== 0) this.skip();
        folder = mkdtempSync(join(tmpdir(), 'acr-cmk-readme-'));
    });
    after(() => {
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('runs as written and ends with the registry encrypted by the key it created', async () => {
        const port = String(await freePort());
        const script = readmeCliBlock()
            .replaceAll('8443', port)
            .replaceAll('$PWD/.emulator', join(folder, 'emu'))
            .replaceAll('.emulator', join(folder, 'emu'))
            .replace(/^apt-get install.*$/m, 'command -v az jq');
        const { code, output } = await runBash(script);
        assert.strictEqual(code, 0, output.slice(-3000));
        const shown = JSON.parse(output.slice(output.lastIndexOf('{\n  "keyVaultProperties"')));
        assert.strictEqual(shown.status, 'enabled');
        assert.match(shown.keyVaultProperties.keyIdentifier, new RegExp(`^https://demovault01\\.vault\\.localhost:${port}/keys/demokey/[0-9a-f]{32}$`));
    });
});
