import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { emulatorOutDirs, productFiles, readIssuedSecrets, scanFiles } from './secretScan';

const results = path.resolve(__dirname, '..', '..', 'test-results');

/**
 * After every other suite: each token, client secret, private key and wrapped key any emulator of this run issued
 * (every emulator output directory under test-results/) is looked for in everything the product wrote there —
 * the real VS Code runs' logs (incl. the extension host's output-channel logs) and globalState (state.vscdb),
 * exported templates in their workspace, and the messages tests captured (test-results/security-captures).
 */
describe('security scan: no secret in anything the extension wrote, across the whole test run', function () {
    this.timeout(600000);

    it('finds no issued secret in any product output', () => {
        const outDirs = emulatorOutDirs(results);
        const secrets = readIssuedSecrets(outDirs);
        const files = productFiles(results);
        assert.ok(secrets.length > 0, 'no emulator of this run recorded a secret: run the other suites first');
        assert.ok(files.length > 0, 'no product output to scan');
        const started = Date.now();
        const result = scanFiles(files, secrets);
        const has = (pattern: RegExp) => files.filter((file) => pattern.test(file)).length;
        console.log(
            `      scanned: ${has(/exthost\d*[\\/]output_logging|[\\/]logs[\\/]/)} log files, ${has(/state\.vscdb$/)} state.vscdb, ${has(/[\\/]workspace[\\/]/)} workspace files, ${has(/security-captures/)} captured-message files; secrets from ${outDirs.length} emulators (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
        console.log(`      security scan: ${result.files} files, ${result.secrets} secrets checked, ${result.leaks.length} leaks`);
        assert.deepEqual(
            result.leaks.map((leak) => `${path.relative(results, leak.file)}: ${leak.kind}`),
            [],
            'files holding a secret (file: kind)',
        );
    });
});
