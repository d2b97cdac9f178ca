// Journey (Playwright on the real workbench, answered from the UI's text alone): Use System-Assigned Identity and
// Enable Automatic Rotation, each on a registry of its own (journeyWorld.ts), from the context menu and the palette:
// Back at every step, the count stable, the notification that names what the registry now uses.
import * as assert from 'node:assert/strict';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { waitForNotification } from '../ui/notifications';
import { openWorkbenchAtSubscription, runCommand, runContextMenu, screenshot, screenshotOnFailure, treeRowNamed, type Workbench } from '../ui/workbench';
import { createJourneyRegistry, journeySubscription, type JourneyRegistry } from './journeyWorld';
import { walkWithBack } from './walk';

const suffix = Date.now().toString(36).slice(-5);

async function encryptionNow(id: string): Promise<{ keyIdentifier: string; identity: string }> {
  const world = await getEmulatorJson<{ registries: Record<string, { id: string; encryption: { keyVaultProperties: { keyIdentifier: string; identity: string } } }> }>('state');
  return Object.values(world.registries).find((candidate) => candidate.id.toLowerCase() === id.toLowerCase())!.encryption.keyVaultProperties;
}

describe('Journey: Use System-Assigned Identity, Enable Automatic Rotation', function () {
  this.timeout(10 * 60 * 1000);
  let workbench: Workbench | undefined;
  let system: JourneyRegistry;
  let auto: JourneyRegistry;
  before(async () => {
    [system, auto] = await Promise.all([createJourneyRegistry(`djsys${suffix}`), createJourneyRegistry(`djaut${suffix}`, { versionless: false })]);
    workbench = await openWorkbenchAtSubscription(journeySubscription);
  });
  after(async () => workbench?.close());
  const notifications = screenshotOnFailure(() => workbench);

  it('Use System-Assigned Identity from the context menu: Back at every step, then the registry encrypts through its own identity', async () => {
    const page = workbench!.page;
    await runContextMenu(page, treeRowNamed(page, system.name), 'Use System-Assigned Identity...');
    await walkWithBack(page, 'system-identity', [
      { name: 'previous-grant', asks: new RegExp(`^After switching to the system-assigned identity, what about "${system.identity}"\\?$`), answer: { pick: `Remove the access of "${system.identity}" to the key vault` }, count: [1, 2] },
      // The first step's modal offers no Back (nothing comes before it); Cancel ends the flow.
      { name: 'remove-confirm', asks: new RegExp(`^Remove the key vault access of "${system.identity}"\\?$`), answer: { button: 'Remove Access' }, noBack: true },
      { name: 'confirm', asks: new RegExp(`^Change the encryption of registry "${system.name}"\\?$`), answer: { button: 'Change Encryption' }, backTo: 'previous-grant' },
    ]);
    await waitForNotification(page, new RegExp(`^Registry "${system.name}" now uses key "${system.key}" in key vault "${system.vault}" \\(versionless, now version [0-9a-f]{8}…\\), system-assigned identity\\.$`), notifications.seen);
    assert.equal((await encryptionNow(system.id)).identity, 'system');
    assert.equal((await keyAccessNow(system.id)).accessible, true);
    await screenshot(page, 'journey-system-identity-done');
  });

  it('Enable Automatic Rotation from the palette with a rotation policy: Back at every step, n/2 throughout', async () => {
    const page = workbench!.page;
    await runCommand(page, 'Enable Automatic Rotation...');
    await walkWithBack(page, 'auto-rotation', [
      { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, noBack: true },
      { name: 'registry', asks: /^Select a container registry$/, answer: { pick: auto.name }, noBack: true },
      { name: 'policy', asks: /^Rotate the key automatically on a schedule\?$/, answer: { pick: 'Also set a Key Vault rotation policy' }, count: [1, 2], noBack: true },
      { name: 'interval', asks: /^Rotate the key every how many days\?$/, answer: { type: '60' }, count: [1, 2] },
      { name: 'notify', asks: /^Notify how many days before a key version expires\?/, answer: { type: '14' }, count: [1, 2] },
      { name: 'rights', asks: /^Give yourself the key permissions to manage the rotation policy\?$/, answer: { button: 'Add Permissions' } },
      { name: 'confirm', asks: new RegExp(`^Change the encryption of registry "${auto.name}"\\?$`), answer: { button: 'Change Encryption' }, backTo: 'notify' },
    ]);
    await waitForNotification(page, new RegExp(`^Registry "${auto.name}" now uses key "${auto.key}" in key vault "${auto.vault}" \\(versionless, now version [0-9a-f]{8}…\\)`), notifications.seen);
    assert.match((await encryptionNow(auto.id)).keyIdentifier, new RegExp(`/keys/${auto.key}$`), 'the registry follows the versionless key');
  });
});
