import * as assert from 'node:assert/strict';
import { modulesEvaluatedAtLoad } from '../../../bench/lib/bundle';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { commandIds } from '../../../src/commands/commandIds';

const root = path.resolve(__dirname, '..', '..', '..');
const isAzureModule = (file: string) => /[\\/]node_modules[\\/]@azure(-rest)?[\\/]/.test(file);

interface ActivationReport { before: string[]; after: string[]; azExtUtilsAfter: string[]; handled: string[]; registered: number; api: string[]; exported: string[] }

/** Activates an entry (source or bundle) in a fresh Node process with a stub `vscode`; see activateWithStubVscode.ts. */
function activateInFreshProcess(entry: string): ActivationReport {
    const script = path.join(__dirname, 'activateWithStubVscode.ts');
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', script, entry], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ActivationReport;
}

describe('the extension entry and its bundle', function () {
    this.timeout(120000);
    const bundle = path.join(root, 'out', 'bundle-check', 'extension.js');
    let metafile: Metafile;

    before(async () => {
        // The same options as the `build` script (minus minify, to keep the check fast to read when it fails).
        const result = await build({
            entryPoints: [path.join(root, 'src', 'extension.ts')], bundle: true, outfile: bundle, metafile: true,
            external: ['vscode'], platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent',
        });
        metafile = result.metafile;
    });

    it('reaches @azure/* only through dynamic import()', () => {
        const inputs = metafile.inputs;
        const reached = modulesEvaluatedAtLoad(metafile, 'src/extension.ts').all;
        assert.ok(Object.keys(inputs).some(isAzureModule), 'the SDKs are in the bundle (behind dynamic imports)');
        assert.deepEqual(reached.filter(isAzureModule), []);
    });

    it('requiring and activating the source entry leaves require.cache free of @azure/* and vscode-azext-utils', () => {
        const report = activateInFreshProcess('src/extension.ts');
        assert.deepEqual(report.before, [], 'the child process starts clean');
        assert.ok(report.registered >= commandIds.length, 'activation registered every command');
        assert.deepEqual(report.api, ['getTreeSnapshot', 'refresh']);
        assert.deepEqual(report.after, []);
        assert.deepEqual(report.azExtUtilsAfter, [], 'vscode-azext-utils waits for the first command or tree load');
        assert.deepEqual(report.handled, [...commandIds].sort(), 'the lazily loaded handlers cover exactly the registered ids');
    });

    it('registers exactly the commands package.json contributes', () => {
        const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
        assert.deepEqual([...commandIds].sort(), manifest.contributes.commands.map((entry) => entry.command).sort());
    });

    it('the bundle exports activate/deactivate (a bundled UMD dependency must not replace them)', () => {
        const report = activateInFreshProcess(path.relative(root, bundle));
        assert.deepEqual(report.exported, ['activate', 'deactivate']);
        assert.deepEqual(report.api, ['getTreeSnapshot', 'refresh']);
    });
});
