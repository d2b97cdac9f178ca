import * as assert from 'node:assert/strict';
import { bundledFiles, bundleLikeBuildScript, buildExtensionLikeBuildScript, isAzureModule, modulesEvaluatedAtLoad } from '../../../bench/lib/bundle';
import { runProbe } from '../../../bench/lib/probe';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ExtensionBuild } from '../../../scripts/buildExtension';
import { commandIds } from '../../../src/commands/commandIds';

const root = path.resolve(__dirname, '..', '..', '..');
const isAzExtUtils = (file: string) => /(^|[\\/])node_modules[\\/]@microsoft[\\/]vscode-azext-utils[\\/]/.test(file);

interface ActivationReport {
    before: string[];
    after: string[];
    azExtUtilsAfter: string[];
    handled: string[];
    registered: number;
    api: string[];
    exported: string[];
}
interface ProbeReport {
    modulesLoaded: string[];
    command?: { modulesLoaded: string[]; errors: string[] };
}

/** Activates an entry (source or bundle) in a fresh Node process with a stub `vscode`; see activateWithStubVscode.ts. */
function activateInFreshProcess(entry: string): ActivationReport {
    const script = path.join(__dirname, 'activateWithStubVscode.ts');
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', script, entry], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ActivationReport;
}

describe('the extension entry and its split bundle', function () {
    this.timeout(120000);
    const outDir = path.join(root, 'out', 'bundle-check');
    let built: ExtensionBuild;
    let vscodeStub: string;

    before(async () => {
        // What `npm run build` makes, unminified so a failure is readable.
        built = await buildExtensionLikeBuildScript(outDir, { minify: false });
        vscodeStub = (await bundleLikeBuildScript(path.join(__dirname, 'fakeVscode.ts'), path.join(outDir, 'stub', 'fakeVscode.js'))).file;
    });

    it('the entry file holds no @azure/* module nor vscode-azext-utils; the lazy file holds them and the commands', () => {
        const entry = bundledFiles(built.entry.metafile);
        const lazy = bundledFiles(built.lazy.metafile);
        assert.deepEqual(entry.filter(isAzureModule), []);
        assert.deepEqual(entry.filter(isAzExtUtils), []);
        assert.deepEqual(modulesEvaluatedAtLoad(built.entry.metafile, 'src/extension.ts').azure, []);
        for (const sdk of ['identity', 'arm-containerregistry', 'arm-resources-subscriptions', 'keyvault-keys']) {
            assert.ok(
                lazy.some((file) => file.startsWith(`node_modules/@azure/${sdk}/`)),
                `@azure/${sdk} is in the lazy file`,
            );
        }
        assert.ok(lazy.some(isAzExtUtils), 'vscode-azext-utils is in the lazy file');
        assert.ok(lazy.includes('src/commands/commandHandlers.ts'), 'the command implementations are in the lazy file');
        assert.ok(built.entry.bytes * 10 < built.lazy.bytes, `the entry (${built.entry.bytes} B) is a small part of the whole (lazy: ${built.lazy.bytes} B)`);
    });

    it("puts every module in one file only: the lazy file uses the entry's instances of shared modules", () => {
        const entry = new Set(bundledFiles(built.entry.metafile));
        const inBoth = bundledFiles(built.lazy.metafile).filter((file) => entry.has(file));
        assert.deepEqual(inBoth, [], 'no module (and so no module state) is duplicated');
        assert.ok(built.sharedModules.length > 0, 'the lazy file imports entry modules');
        assert.deepEqual(
            built.sharedModules.filter((file) => !entry.has(file)),
            [],
            'it gets them from the entry',
        );
    });

    it('activating the entry file loads no other file; the first command loads the lazy file and runs', async () => {
        const report = await runProbe<ProbeReport>('activationProbe.cjs', { bundle: built.entry.file, vscodeStub, command: 'acrCmk.refresh' });
        assert.deepEqual(report.modulesLoaded, [built.entry.file]);
        assert.deepEqual(report.command?.modulesLoaded, [built.lazy.file]);
        assert.deepEqual(report.command?.errors, []);
    });

    it('requiring and activating the source entry leaves require.cache free of @azure/* and vscode-azext-utils', () => {
        const report = activateInFreshProcess('src/extension.ts');
        assert.deepEqual(report.before, [], 'the child process starts clean');
        assert.ok(report.registered >= commandIds.length, 'activation registered every command');
        assert.deepEqual(report.api, ['getTreeSnapshot', 'refresh', 'registerOnActionStartHandler', 'sidebarBranch']);
        assert.deepEqual(report.after, []);
        assert.deepEqual(report.azExtUtilsAfter, [], 'vscode-azext-utils waits for the first command or tree load');
        assert.deepEqual(report.handled, [...commandIds].sort(), 'the lazily loaded handlers cover exactly the registered ids');
    });

    it('registers exactly the commands package.json contributes', () => {
        const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
        assert.deepEqual([...commandIds].sort(), manifest.contributes.commands.map((entry) => entry.command).sort());
    });

    it('the entry file exports activate/deactivate', () => {
        const report = activateInFreshProcess(path.relative(root, built.entry.file));
        assert.deepEqual(report.exported, ['activate', 'deactivate']);
        assert.deepEqual(report.api, ['getTreeSnapshot', 'refresh', 'registerOnActionStartHandler', 'sidebarBranch']);
    });
});
