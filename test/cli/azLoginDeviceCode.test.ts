import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RunningEmulator } from '../emulator/index';
import { azProcessEnv, collectProcess } from './azProcess';
import { startForSuite } from '../integration/emulator/harness';
import { pickAccount, postForm } from '../integration/emulator/signInDriver';

const hasAzureCli = spawnSync('az', ['version'], { stdio: 'ignore' }).status === 0;

describe('emulator: the stock Azure CLI signs a user in with `az login --use-device-code`', function () {
    this.timeout(180_000);
    let emu: RunningEmulator;
    let configDir: string;
    let env: NodeJS.ProcessEnv;
    before(async function () {
        if (!hasAzureCli) this.skip();
        emu = await startForSuite('azure-cli-device-code', { seed: 'subscriptions=2,registries=0' });
        configDir = mkdtempSync(join(tmpdir(), 'az-device-code-'));
        env = azProcessEnv(emu.environment, configDir);
        const cloud = join(dirname(dirname(emu.environment.caCertPath)), 'az-cloud.json');
        for (const args of [
            ['cloud', 'register', '-n', 'EmulatorUsers', '--cloud-config', `@${cloud}`],
            ['cloud', 'set', '-n', 'EmulatorUsers'],
        ]) {
            const done = await collectProcess('az', args, { env, timeoutMs: 60_000 });
            assert.equal(done.exitCode, 0, done.stderr);
        }
    });
    after(async () => {
        await emu?.stop();
        if (configDir) rmSync(configDir, { recursive: true, force: true });
    });

    it("shows the emulator's device page and code, and after the owner picks the account lists the owner's subscriptions", async () => {
        const child = spawn('az', ['login', '--use-device-code'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
        const prompt = new Promise<RegExpMatchArray>((resolve) =>
            child.stderr.setEncoding('utf8').on('data', (c: string) => {
                stderr += c;
                const m = /open the page (\S+) and enter the code (\w+)/.exec(stderr);
                if (m) resolve(m);
            }),
        );
        const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
        const [, page, code] = await Promise.race([
            prompt,
            exited.then(() => {
                throw new Error(`az login ended before prompting:\n${stderr}`);
            }),
        ]);
        assert.equal(page, `${emu.environment.authority}/devicelogin`);
        const picker = await postForm(emu, page!, { otc: code! });
        assert.match(String((await pickAccount(emu, String(picker.body), 'owner@emulator.localhost')).body), /Microsoft Azure CLI/);
        assert.equal(await exited, 0, stderr);
        const accounts = JSON.parse(stdout) as { id: string; user: { name: string; type: string } }[];
        assert.deepEqual(accounts.map((a) => a.id).sort(), emu.environment.subscriptions.map((s) => s.id).sort());
        assert.ok(accounts.every((a) => a.user.name === 'owner@emulator.localhost' && a.user.type === 'user'));
    });
});
