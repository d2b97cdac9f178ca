import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { bundleLikeBuildScript } from './bundle';
import { repoRoot } from './emulatorProcess';

/** What the runtime editor and the palette show for the baseline extension. */
export const helloWorld = { id: 'bench.hello-world', displayName: 'Hello World (bench baseline)', commandTitle: 'Hello World' } as const;

/**
 * The `yo code` hello world (bench/fixtures/helloWorld/extension.ts) as an installable VSIX: bundled with the build
 * script's options, a manifest like the generator's (activated by its one command), packed with the project's vsce.
 */
export async function packHelloWorldVsix(workDir: string): Promise<string> {
    const folder = path.join(workDir, 'hello-world');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    await bundleLikeBuildScript(path.join(repoRoot, 'bench', 'fixtures', 'helloWorld', 'extension.ts'), path.join(folder, 'dist', 'extension.js'));
    rmSync(path.join(folder, 'dist', 'extension.js.map'), { force: true });
    const [publisher, name] = helloWorld.id.split('.');
    writeFileSync(
        path.join(folder, 'package.json'),
        JSON.stringify(
            {
                name,
                publisher,
                displayName: helloWorld.displayName,
                version: '0.0.1',
                license: 'MIT',
                engines: { vscode: '^1.105.0' },
                main: './dist/extension.js',
                activationEvents: [],
                contributes: { commands: [{ command: 'helloWorld.helloWorld', title: helloWorld.commandTitle }] },
            },
            null,
            2,
        ),
    );
    writeFileSync(path.join(folder, 'README.md'), '# Hello World\n\nThe baseline of the real-VS-Code activation benchmark.\n');
    const vsix = path.join(workDir, 'hello-world.vsix');
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    await promisify(execFile)(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
        cwd: folder,
        timeout: 120_000,
    });
    return vsix;
}
