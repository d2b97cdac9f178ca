// UI level (Playwright on the real workbench): a flow cut off by the death of its extension host, then picked up again.
// Use System-Assigned Identity runs from the right-click menu; while Azure holds its grant request (an emulator delay
// fault), the test kills the extension host process (SIGKILL: the pid its journal names), as a crash does, and opens a
// new window. There the extension offers the run it finds in its journal: Resume finishes it, Clean Up takes back what
// it made. The emulator's state is compared after each.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callEmulatorAdmin, getEmulatorJson, keyAccessNow } from '../emulatorState';
import { recordShownMessages } from '../../security/shownMessages';
import { createJourneyRegistry, deleteJourneyRegistries, journeySubscription, type JourneyRegistry } from '../journey/journeyWorld';
import { answerStep, expectStep, type JourneyStep } from '../journey/walk';
import { registryNow, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { clickNotificationAction, waitForNotification } from './notifications';
import {
  expandTreeRow, modalDialog, openWorkbenchAtSubscription, pickQuickPickItem, requiredEnv, runCommand, runContextMenu, screenshot, screenshotOnFailure, treeRow, treeRowNamed,
  waitUntil, withNotificationsOnFailure, type Workbench,
} from './workbench';

interface JournalFile { id: string; registryId: string; owner: { pid: number }; changes: { step: string; status: string }[] }

/** The journals of flows in progress, in the extension's global storage folder of this code-server's profile. */
function journals(): JournalFile[] {
  const globalStorage = path.join(requiredEnv('E2E_USER_DATA_DIR'), 'User', 'globalStorage');
  const folders = fs.existsSync(globalStorage) ? fs.readdirSync(globalStorage).map((name) => path.join(globalStorage, name, 'journal')).filter((dir) => fs.existsSync(dir)) : [];
  return folders.flatMap((dir) => fs.readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as JournalFile));
}

/** A registry of its own (user-assigned identity, access-policy vault, versionless key), made as a person would have before. */
async function ownRegistry(name: string, world: EmulatorWorld, made: JourneyRegistry[]): Promise<WorldRegistry> {
  const created = await createJourneyRegistry(name);
  made.push(created);
  const registry = Object.values(world.registries).find((candidate) => candidate.id.toLowerCase() === created.id.toLowerCase())
    ?? (await getEmulatorJson<EmulatorWorld>('state')).registries[created.id.toLowerCase()];
  assert.ok(registry, `registry ${name} in the emulator`);
  return registry;
}

const vaultNameOf = (registry: WorldRegistry) => new URL(registry.encryption.keyVaultProperties!.keyIdentifier).hostname.split('.')[0]!;

describe('UI: a flow cut off by a crash of the extension host is resumed or cleaned up in the next window', () => {
  let workbench: Workbench | undefined;
  let subscriptionName: string;
  let forResume: WorldRegistry;
  let forCleanUp: WorldRegistry;
  const made: JourneyRegistry[] = [];
  const notifications = screenshotOnFailure(() => workbench);

  before(async () => {
    const world = await getEmulatorJson<EmulatorWorld>('state');
    const suffix = Date.now().toString(36).slice(-5);
    forResume = await ownRegistry(`djintr${suffix}`, world, made);
    forCleanUp = await ownRegistry(`djintc${suffix}`, world, made);
    subscriptionName = world.subscriptions[forResume.subscriptionId.toLowerCase()]!.displayName;
  });
  after(async () => {
    await callEmulatorAdmin('DELETE', 'faults').catch(() => undefined);
    await workbench?.close();
    // The suites that follow find their rows in the subscription's list on screen.
    await deleteJourneyRegistries(made);
  });

  /** Starts Use System-Assigned Identity on `registry`, holds its grant request, and kills the extension host then. */
  async function crashDuringGrant(registry: WorldRegistry): Promise<void> {
    workbench = await openWorkbenchAtSubscription(subscriptionName);
    const { page } = workbench;
    // Azure "takes its time" with the grant: the request stays unanswered until the extension host is gone.
    await callEmulatorAdmin('POST', 'faults', { method: 'PUT', pathPattern: `/vaults/${vaultNameOf(registry)}/(accessPolicies/add|providers/Microsoft\\.Authorization/roleAssignments/)`, times: 1, action: { delayMs: 600000 } });
    await runContextMenu(page, treeRowNamed(page, registry.name), 'Use System-Assigned Identity');
    await withNotificationsOnFailure(page, () => pickQuickPickItem(page, 'Keep the access of'));
    const confirm = modalDialog(page, `Change the encryption of registry "${registry.name}"?`);
    await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 30000 }));
    await confirm.getByRole('button', { name: 'Change Encryption' }).click();

    const running = await waitUntil('the journal to record the grant in flight', async () => journals().find((journal) =>
      journal.registryId.toLowerCase() === registry.id.toLowerCase() && journal.changes.some((change) => change.step === 'grantAccess' && change.status === 'started')), 60000);
    assert.ok(running.changes.some((change) => change.step === 'enableSystemIdentity' && change.status === 'done'), 'the system identity was enabled before the crash');
    // The journal as the crash left it goes to the security suite's captures: no token, secret or key may be in it.
    recordShownMessages('interrupted-journals', [JSON.stringify(running)]);
    await screenshot(page, `interrupted-before-crash-${registry.name}`);
    process.kill(running.owner.pid, 'SIGKILL');
    await callEmulatorAdmin('DELETE', 'faults');
    // The window whose extension host died is closed; a new one starts a new extension host, as after a restart.
    await workbench.close();
    workbench = await openWorkbenchAtSubscription(subscriptionName);
  }

  it('Resume: the notification names the run and how far it got; Resume finishes it and the tree shows the system identity', async () => {
    const before = await registryNow(forResume.id);
    await crashDuringGrant(forResume);
    const { page } = workbench!;
    const offered = await waitForNotification(page, new RegExp(`Use System-Assigned Identity on registry "${forResume.name}" \\(started .*\\) was interrupted before it finished`), notifications.seen);
    assert.match(offered.message, /Done: enable the system-assigned identity\. Cut off during: grant the identity access to the key\./, offered.message);
    assert.deepStrictEqual(offered.actions, ['Resume', 'Clean Up', 'Dismiss']);
    assert.strictEqual(offered.severity, 'warning');
    // The registry's row is marked until the run is resumed, cleaned up or dismissed.
    const row = treeRowNamed(page, forResume.name);
    await waitUntil('the registry row to be marked interrupted', async () => /interrupted/.test(await row.innerText().catch(() => '')), 30000);
    await screenshot(page, 'interrupted-offered');

    await clickNotificationAction(page, /Use System-Assigned Identity on registry .* was interrupted/, 'Resume');
    await waitForNotification(page, new RegExp(`Use System-Assigned Identity on registry "${forResume.name}" finished: every change it had planned is made\\.`), notifications.seen);
    const after = await registryNow(forResume.id);
    assert.strictEqual(after?.encryption.keyVaultProperties?.identity, 'system');
    assert.strictEqual(after?.encryption.keyVaultProperties?.keyIdentifier, before?.encryption.keyVaultProperties?.keyIdentifier, 'same key');
    assert.strictEqual((await keyAccessNow(forResume.id)).accessible, true, 'the system identity reaches the key');
    assert.deepStrictEqual(journals().filter((journal) => journal.registryId.toLowerCase() === forResume.id.toLowerCase()), [], 'nothing left to resume');
    await waitUntil('the mark to go', async () => !/interrupted/.test(await row.innerText().catch(() => 'interrupted')), 30000);
    await expandTreeRow(treeRowNamed(page, forResume.name));
    await treeRow(page, 'Identity').filter({ hasText: 'system-assigned identity' }).first().waitFor({ timeout: 60000 });
    await screenshot(page, 'interrupted-resumed');
    await workbench!.close();
    workbench = undefined;
  });

  it('Clean Up: a modal names what it takes back; afterwards the registry is exactly as before the run', async () => {
    interface StateRegistry { id: string; identity?: { type: string; principalId?: string }; encryption: unknown }
    const stateBefore = await getEmulatorJson<{ registries: Record<string, StateRegistry> }>('state');
    const before = stateBefore.registries[forCleanUp.id.toLowerCase()]!;
    await crashDuringGrant(forCleanUp);
    const { page } = workbench!;
    await waitForNotification(page, new RegExp(`Use System-Assigned Identity on registry "${forCleanUp.name}" \\(started .*\\) was interrupted`), notifications.seen);
    await clickNotificationAction(page, /Use System-Assigned Identity on registry .* was interrupted/, 'Clean Up');
    const confirm = modalDialog(page, `Take back what the interrupted Use System-Assigned Identity on registry "${forCleanUp.name}" changed?`);
    await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 30000 }));
    assert.match(await confirm.innerText(), /enable the system-assigned identity/);
    await screenshot(page, 'interrupted-clean-up-confirm');
    await confirm.getByRole('button', { name: 'Clean Up' }).click();
    await waitForNotification(page, new RegExp(`Cleaned up the interrupted Use System-Assigned Identity on registry "${forCleanUp.name}": the registry is as it was before it\\.`), notifications.seen);
    const after = (await getEmulatorJson<{ registries: Record<string, StateRegistry> }>('state')).registries[forCleanUp.id.toLowerCase()]!;
    assert.strictEqual(after.identity?.type, before.identity?.type, 'the system identity the run turned on is off again');
    assert.deepStrictEqual(after.encryption, before.encryption, 'encryption untouched');
    assert.strictEqual((await keyAccessNow(forCleanUp.id)).accessible, true, 'the registry still reaches its key');
    assert.deepStrictEqual(journals().filter((journal) => journal.registryId.toLowerCase() === forCleanUp.id.toLowerCase()), []);
    await screenshot(page, 'interrupted-cleaned-up');
  });

  it('Create: killed while Azure creates the registry (its operation running); Resume polls that operation to its end, never sends the create again', async () => {
    const suffix = Date.now().toString(36).slice(-5);
    const names = { group: `rg-int-${suffix}`, registry: `djintn${suffix}`, identity: `id-int-${suffix}`, vault: `kv-int-${suffix}`, key: `key-int-${suffix}` };
    const steps: JourneyStep[] = [
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
    workbench = await openWorkbenchAtSubscription(subscriptionName);
    const { page } = workbench;
    // Azure accepted the create and works on it; its status stays unanswered until the extension host is gone.
    await callEmulatorAdmin('POST', 'faults', { method: 'GET', pathPattern: `/registries/${names.registry}/operationStatuses/`, times: 1, action: { delayMs: 600000 } });
    await runCommand(page, 'Create Registry with Customer-Managed Key');
    for (const step of steps) {
      await expectStep(page, step);
      await answerStep(page, step);
    }
    const running = await waitUntil('the journal to record the registry operation in flight', async () => journals().find((journal) =>
      journal.registryId.toLowerCase().endsWith(`/registries/${names.registry}`) && journal.changes.some((change) => change.step === 'registry' && change.status === 'started' && 'operation' in change)), 90000);
    recordShownMessages('interrupted-journals', [JSON.stringify(running)]);
    const registryId = running.registryId;
    process.kill(running.owner.pid, 'SIGKILL');
    await callEmulatorAdmin('DELETE', 'faults');
    await workbench.close();
    workbench = await openWorkbenchAtSubscription(subscriptionName);
    const next = workbench.page;
    const offered = await waitForNotification(next, new RegExp(`Create Registry with Customer-Managed Key on registry "${names.registry}" \\(started .*\\) was interrupted before it finished`), notifications.seen);
    assert.match(offered.message, /Cut off during: Create registry\./, offered.message);
    const { lastSeq } = JSON.parse((await callEmulatorAdmin('GET', 'requests?since=0')).text) as { lastSeq: number };
    await clickNotificationAction(next, /Create Registry with Customer-Managed Key on registry .* was interrupted/, 'Resume');
    await waitForNotification(next, new RegExp(`Create Registry with Customer-Managed Key on registry "${names.registry}" finished`), notifications.seen);
    const sent = (JSON.parse((await callEmulatorAdmin('GET', `requests?since=${lastSeq}`)).text) as { requests: { method: string; path: string }[] }).requests;
    assert.deepStrictEqual(sent.filter((request) => request.method === 'PUT' && request.path.toLowerCase().endsWith(`/registries/${names.registry}`)), [], 'the registry create was not sent again');
    const created = await registryNow(registryId);
    assert.strictEqual(created?.encryption.status, 'enabled');
    assert.strictEqual((await keyAccessNow(registryId)).accessible, true, 'the new registry reaches its key');
    await treeRowNamed(next, names.registry).filter({ hasText: 'customer-managed key' }).waitFor({ timeout: 60000 });
    await screenshot(next, 'interrupted-create-resumed');
    made.push({ id: registryId, name: names.registry, group: names.group } as JourneyRegistry);
  });
});
