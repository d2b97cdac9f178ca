import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { describeArgs, hostNamesFor } from '../../cli/azProcess';
import { runWithPrivateHosts } from '../../cli/runAz';

const environment = { caCertPath: '/nonexistent/ca.pem', armEndpoint: 'https://localhost:8443/', keyVaultDnsSuffix: '.vault.localhost:8443' };

describe('Azure CLI harness', () => {
    it('maps the vault hosts an az command needs', () => {
        const names = hostNamesFor(['rest', '--url', 'https://kv1.vault.localhost:8443/keys/k/create'], environment, '/nonexistent/az-cloud.json');
        assert.deepStrictEqual(names.sort(), ['kv1.vault.localhost', 'localhost', 'management.localhost']);
        assert.ok(hostNamesFor(['keyvault', 'set-policy', '-n', 'MyVault'], environment, '/nonexistent').includes('myvault.vault.localhost'));
    });

    it('masks the secret of az login in messages', () => {
        assert.strictEqual(describeArgs(['login', '--service-principal', '-u', 'app', '-p', 's3cret']), 'login --service-principal -u app -p ***');
    });

    it('resolves private names inside the namespace without touching the machine /etc/hosts', async function () {
        this.timeout(20_000);
        const before = readFileSync('/etc/hosts', 'utf8');
        const inside = await runWithPrivateHosts('getent', ['hosts', 'kv1.vault.localhost'], ['localhost', 'kv1.vault.localhost'], {
            env: process.env,
            timeoutMs: 10_000,
        });
        assert.strictEqual(inside.exitCode, 0, inside.stderr);
        assert.match(inside.stdout, /^127\.0\.0\.1\s+.*kv1\.vault\.localhost/);
        assert.strictEqual(readFileSync('/etc/hosts', 'utf8'), before);
        const outside = await runWithPrivateHosts('getent', ['hosts', 'other.vault.localhost'], ['localhost'], { env: process.env, timeoutMs: 10_000 });
        assert.notStrictEqual(outside.exitCode, 0, 'names not listed do not resolve');
    });
});
