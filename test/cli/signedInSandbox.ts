import { azJson } from './azProcess';
import { startAzSandbox, type AzSandbox } from './azSandbox';

export interface SignedInSandbox {
    readonly sandbox: AzSandbox;
    /** `az <args>` in the sandbox, its JSON output parsed (a failure throws with az's own message). */
    az(...args: string[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The sample world in an az sandbox, as a user sets it up: the emulator registered as a cloud and selected, az signed
 * in with the service principal, the first subscription selected.
 */
export async function startSignedInSandbox(): Promise<SignedInSandbox> {
    const sandbox = await startAzSandbox({ emulator: { seed: 'sample' } });
    const az = async (...args: string[]) => azJson(await sandbox.az(args));
    await az('cloud', 'register', '-n', 'Emulator', '--cloud-config', `@${sandbox.cloudConfigPath}`);
    await az('cloud', 'set', '-n', 'Emulator');
    const env = sandbox.environment;
    await az('login', '--service-principal', '-u', env.clientId, '-p', env.clientSecret, '--tenant', env.tenantId);
    await az('account', 'set', '--subscription', env.subscriptions[0]!.id);
    return { sandbox, az };
}

/**
 * One signed-in sandbox for the tests of the calling `describe`: started in its `before`, stopped in its `after`.
 * Read `sandbox` and call `az` inside hooks and tests only (before the `before` hook ran there is none).
 */
export function useSignedInSandbox(): SignedInSandbox {
    let current: SignedInSandbox | undefined;
    before(async () => {
        current = await startSignedInSandbox();
    });
    after(async () => {
        await current?.sandbox.stop();
    });
    const started = (): SignedInSandbox => {
        if (!current) throw new Error('the signed-in az sandbox is not started yet: use it inside a hook or a test');
        return current;
    };
    return {
        get sandbox() {
            return started().sandbox;
        },
        az: (...args: string[]) => started().az(...args),
    };
}
