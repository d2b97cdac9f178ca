// The wizard of vscode-azext-utils goes back on an error whose class is named 'GoBackError' (parseError reads
// `error.constructor.name`). A minified bundle that renames classes turns Back into an error notification "Go back.";
// this bundles the package exactly as the extension's build does and asks its own parseError.
import * as assert from 'node:assert/strict';
import { build } from 'esbuild';
import Module from 'node:module';
import * as path from 'node:path';
import { commonBuildOptions } from '../../../scripts/buildExtension';
import { createUniversalStub } from './fakeVscode';

const root = path.resolve(__dirname, '..', '..', '..');

describe('the build keeps the class names vscode-azext-utils relies on', function () {
    this.timeout(120000);

    it('a GoBackError from the minified bundle is still a GoBackError to the wizard; a cancel is still a cancel', async () => {
        const outfile = path.join(root, 'out', 'bundle-check', 'errorNames.js');
        await build({
            ...commonBuildOptions(root, { minify: true, sourcemap: false }),
            outfile,
            logLevel: 'silent',
            stdin: {
                contents: `const u = require('@microsoft/vscode-azext-utils');
module.exports = () => ({ back: u.parseError(new u.GoBackError()).errorType, cancel: u.parseError(new u.UserCancelledError('step')).isUserCancelledError });`,
                resolveDir: root,
                loader: 'js',
                sourcefile: 'errorNames.cjs',
            },
        });
        const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
        const original = loader._load;
        loader._load = function (request: string, ...rest: unknown[]) {
            return request === 'vscode' ? createUniversalStub() : original.call(this, request, ...rest);
        };
        try {
            const bundle = Module.createRequire(__filename);
            delete bundle.cache[outfile];
            const names = (bundle(outfile) as () => { back: string; cancel: boolean })();
            assert.deepEqual(names, { back: 'GoBackError', cancel: true });
        } finally {
            loader._load = original;
        }
    });
});
