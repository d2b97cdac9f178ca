// What the real-VS-Code interruption tests share: the journal files of flows in progress (in the profile's global
// storage), a request Azure holds (an emulator delay fault) while the test kills the extension host that sent it
// (SIGKILL, the pid its journal names), the next start of the window, and what the emulator says changed since.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callEmulatorAdmin, getEmulatorJson } from '../emulatorState';
import { recordShownMessages } from '../../security/shownMessages';
import { worldSnapshot } from '../../integration/journal/worldSnapshot';
import { createJourneyRegistry, journeySubscription, type JourneyRegistry } from '../journey/journeyWorld';
import type { JourneyStep } from '../journey/walk';
import { type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { forgetNotifications } from './notifications';
import {
    activityBarEntry,
    expandTreeRow,
    openWorkbenchAtSubscription,
    requiredEnv,
    treeRow,
    viewContainerTitle,
    waitUntil,
    widenSideBar,
    type Workbench,
} from './workbench';

export interface JournalFile {
    id: string;
    registryId: string;
    owner: { pid: number };
    changes: { step: string; status: string; operation?: string }[];
}

/** The journals of flows in progress, in the extension's global storage folder of this code-server's profile. */
export function journals(): JournalFile[] {
    const globalStorage = path.join(requiredEnv('E2E_USER_DATA_DIR'), 'User', 'globalStorage');
    const folders = fs.existsSync(globalStorage)
        ? fs
              .readdirSync(globalStorage)
              .map((name) => path.join(globalStorage, name, 'journal'))
              .filter((dir) => fs.existsSync(dir))
        : [];
    return folders.flatMap((dir) =>
        fs
            .readdirSync(dir)
            .filter((name) => name.endsWith('.json'))
            .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as JournalFile),
    );
}

/** The journals of runs on `registryId`. */
export const journalsOf = (registryId: string) => journals().filter((journal) => journal.registryId.toLowerCase() === registryId.toLowerCase());

/** A registry of its own (user-assigned identity, access-policy vault, versionless key), made as a person would have before. */
export async function ownRegistry(name: string, made: JourneyRegistry[]): Promise<WorldRegistry & { journey: JourneyRegistry }> {
    const created = await createJourneyRegistry(name);
    made.push(created);
    const registry = (await getEmulatorJson<EmulatorWorld>('state')).registries[created.id.toLowerCase()];
    assert.ok(registry, `registry ${name} in the emulator`);
    return { ...registry, journey: created };
}

export const vaultNameOf = (registry: WorldRegistry) => new URL(registry.encryption.keyVaultProperties!.keyIdentifier).hostname.split('.')[0]!;

/** A request Azure "takes its time" with: unanswered until the extension host that sent it is gone (the emulator then drops it unprocessed). */
export interface HeldRequest {
    method: string;
    pathPattern: string;
    hostPattern?: string;
    nth?: number;
}

export async function holdRequest(request: HeldRequest): Promise<void> {
    await callEmulatorAdmin('POST', 'faults', { ...request, times: 1, action: { delayMs: 600000 } });
}

/** Whether a journal change is step `step` (or one of its per-grant steps, `removeGrant:<id>`). */
const isStep = (change: { step: string }, step: string) => change.step === step || change.step.startsWith(`${step}:`);

/** The last record of `step` in the journal is `started` (with a long-running operation in flight, when `inFlight`). */
export function startedAt(journal: JournalFile, step: string, options: { inFlight?: boolean } = {}): boolean {
    const last = [...journal.changes].reverse().find((change) => isStep(change, step));
    return last?.status === 'started' && (!options.inFlight || last.operation !== undefined);
}

/**
 * Waits until the run on `registry` (an id, or a test on it) records `step` as started, then kills its extension host
 * (SIGKILL: no cleanup, no last write) and lets Azure go: the held request is dropped unprocessed. Returns the journal as
 * the crash left it (also given to the security suite: no token, secret or key may be in it).
 */
export async function killAtStarted(
    registry: string | ((registryId: string) => boolean),
    step: string,
    options: { inFlight?: boolean; timeoutMs?: number; once?: string[] } = {},
): Promise<JournalFile> {
    const matches = typeof registry === 'string' ? (id: string) => id.toLowerCase() === registry.toLowerCase() : registry;
    // `once`: steps running alongside (Create's key beside the identity's access) that must be done first, so what the crash cut off is one change.
    const settled = (journal: JournalFile) =>
        (options.once ?? []).every((other) => journal.changes.some((change) => change.step === other && change.status === 'done'));
    const running = await waitUntil(
        `the journal to record ${step} in flight`,
        async () => journals().find((journal) => matches(journal.registryId) && startedAt(journal, step, options) && settled(journal)),
        options.timeoutMs ?? 60000,
    );
    recordShownMessages('interrupted-journals', [JSON.stringify(running)]);
    process.kill(running.owner.pid, 'SIGKILL');
    await waitUntil('the extension host to be gone', async () => !alive(running.owner.pid), 10000);
    await callEmulatorAdmin('DELETE', 'faults');
    return running;
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

export type Restart = 'reload' | 'reopen';
/**
 * How the tests start the window again after a kill. Measured from the kill to the offer on screen (11 points, 2 cores):
 * reload 3.4–5.9 s, reopen 6.1–8.6 s. A reload also keeps the browser's storage (the extension's global state, where
 * Revoke keeps what Restore puts back), as a restart of VS Code does; a new browser starts from an empty profile.
 */
export const cheapestRestart: Restart = 'reload';

/**
 * The window after its extension host died, started again: `reload` reloads the same page (the workbench starts a new
 * extension host), `reopen` closes the browser and opens a new window. Either way the extension's view is shown with
 * the subscription expanded; what the old page read of its notifications is forgotten.
 */
export async function startAgain(workbench: Workbench, subscriptionName: string, how: Restart): Promise<Workbench> {
    if (how === 'reopen') {
        await workbench.close();
        return openWorkbenchAtSubscription(subscriptionName);
    }
    const { page } = workbench;
    await page.reload();
    forgetNotifications(page);
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60000 });
    // The reloaded window restores its side bar with the extension's view; a click on the open view's entry would close it.
    const title = viewContainerTitle();
    const entry = activityBarEntry(page, title);
    await entry.waitFor({ timeout: 60000 });
    const open = page.locator('.part.sidebar .composite.title').filter({ hasText: title });
    if (
        !(await open.waitFor({ timeout: 10000 }).then(
            () => true,
            () => false,
        ))
    ) {
        await entry.click();
    }
    const subscriptionRow = treeRow(page, subscriptionName).first();
    await widenSideBar(page);
    await expandTreeRow(subscriptionRow);
    return workbench;
}

/** The emulator's last request number: what a run sends from now on is `requestsSince(it)`. */
export async function lastRequest(): Promise<number> {
    return (await getEmulatorJson<{ lastSeq: number }>(`requests?since=${Number.MAX_SAFE_INTEGER}`)).lastSeq;
}

/**
 * The changes Azure made since request `seq`, as `METHOD host/path` (writes on ARM, key creation on a vault). A refused
 * attempt is left out: a new grant takes a while to reach Key Vault, and the key is asked for again after its 403.
 */
export async function changesSince(seq: number): Promise<string[]> {
    const { requests } = await getEmulatorJson<{ requests: { method: string; host: string; path: string; status: number }[] }>(`requests?since=${seq}`);
    return requests
        .filter((request) => request.status >= 200 && request.status < 400)
        .filter((request) => ['PUT', 'PATCH', 'DELETE'].includes(request.method) || (request.method === 'POST' && /\/keys\/[^/]+\/create$/i.test(request.path)))
        .map((request) => `${request.method} ${request.host.split(':')[0]}${request.path}`);
}

/** The emulator's world limited to what a flow on these names can change (other suites' resources and the time rules' keys left out). */
export async function worldOf(names: { registry: string; vault: string }, options: { ignoreKeys?: boolean } = {}) {
    const all = worldSnapshot(await getEmulatorJson<unknown>('state'), options);
    const vault = names.vault.toLowerCase();
    const inVault = (line: string) =>
        line.toLowerCase().startsWith(`${vault}|`) || line.toLowerCase().startsWith(`${vault}/`) || line.toLowerCase().includes(`/vaults/${vault}|`);
    return {
        groups: all.groups,
        identities: all.identities,
        vaults: all.vaults,
        registries: all.registries.filter((line) => line.toLowerCase().startsWith(`${names.registry.toLowerCase()}|`)),
        policies: all.policies.filter(inVault),
        roleAssignments: all.roleAssignments.filter(inVault),
        ...(all.keys ? { keys: all.keys.filter(inVault) } : {}),
    };
}

/** The names a Create run of these tests makes, every resource new. */
export function createNames(prefix: string) {
    const suffix = Date.now().toString(36).slice(-5);
    return {
        group: `rg-${prefix}-${suffix}`,
        registry: `dj${prefix}n${suffix}`,
        identity: `id-${prefix}-${suffix}`,
        vault: `kv-${prefix}-${suffix}`,
        key: `key-${prefix}-${suffix}`,
    };
}

/** Create Registry with Customer-Managed Key, every resource new, answered as a person does, up to its Create button. */
export function createSteps(names: ReturnType<typeof createNames>): JourneyStep[] {
    return [
        { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription } },
        { name: 'resource-group', asks: /^Select a resource group for the new registry$/, answer: { pick: 'Create new resource group' } },
        { name: 'resource-group-name', asks: /^Name of the new resource group/, answer: { type: names.group } },
        { name: 'location', asks: /^Select a location$/, answer: { pick: 'westeurope' } },
        { name: 'registry-name', asks: /^Registry name/, answer: { type: names.registry } },
        { name: 'identity', asks: /^Select the identity the registry uses to reach its key$/, answer: { pick: 'Create new user-assigned managed identity' } },
        { name: 'identity-name', asks: /^Name of the new user-assigned managed identity/, answer: { type: names.identity } },
        { name: 'vault', asks: /^Select the key vault for the encryption key$/, answer: { pick: 'Create new key vault' } },
        { name: 'vault-name', asks: /^Name of the new key vault/, answer: { type: names.vault } },
        { name: 'vault-retention', asks: /^Soft-delete retention in days/, answer: { type: '7' } },
        { name: 'key', asks: /^Select the encryption key$/, answer: { pick: 'Create new RSA key' } },
        { name: 'key-name', asks: /^Name of the new key$/, answer: { type: names.key } },
        { name: 'key-size', asks: /^Select the key type and size$/, answer: { pick: 'RSA 3072' } },
        { name: 'versioning', asks: /^How should the registry follow new key versions\?$/, answer: { pick: 'Versionless key (automatic rotation)' } },
        { name: 'summary', asks: new RegExp(`^Create registry "${names.registry}" encrypted with a customer-managed key\\?$`), answer: { button: 'Create' } },
    ];
}
