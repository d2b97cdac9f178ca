// Installs Debian packages the test suites need, only when missing. As root it runs apt-get;
// otherwise it prints the exact command and throws, so the suite counts as failed, not as passed.
import { execFileSync, spawnSync } from 'node:child_process';

const isInstalled = (pkg) => spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed');
let updated = false;

export function ensureAptPackages(packages) {
  const missing = packages.filter((p) => !isInstalled(p));
  if (missing.length === 0) return;
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages; run: sudo apt-get update && sudo ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!updated) { execFileSync('apt-get', ['update'], { stdio: 'inherit', env }); updated = true; }
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}
