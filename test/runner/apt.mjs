// Installs Debian packages the test suites need, only when missing. As root it runs apt-get quietly: one line says
// what is installed and why, apt's own output is shown only when it fails. Otherwise it prints the exact command and
// throws, so the suite counts as failed, not as passed.
import { spawnSync } from 'node:child_process';

const isInstalled = (pkg) => spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed');
let updated = false;

function aptGet(args, env) {
    const run = spawnSync('apt-get', ['-q', ...args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) {
        process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
        throw new Error(`apt-get ${args.join(' ')} exited ${run.status ?? run.signal}`);
    }
}

/** @param {string[]} packages @param {string} why what needs them, said in the one line printed */
export function ensureAptPackages(packages, why = 'the tests') {
    const missing = packages.filter((p) => !isInstalled(p));
    if (missing.length === 0) return;
    const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
    if (process.getuid?.() !== 0) throw new Error(`missing Debian packages; run: sudo apt-get update && sudo ${command}`);
    console.log(`[setup] installing ${missing.join(', ')} from Debian (for ${why}; once per machine)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (!updated) {
        aptGet(['update'], env);
        updated = true;
    }
    aptGet(['install', '-y', '--no-install-recommends', ...missing], env);
}
