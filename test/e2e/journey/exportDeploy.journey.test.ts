// Journey (Playwright on the real workbench, answered from the UI's text alone): Export ARM Template and Deploy ARM
// Template. Export with the key vault in another resource group than the registry, deployed at once (the template's
// key access is a nested deployment into the vault's group); Export saved to files, then Deploy… from the notification;
// Deploy ARM Template from the palette with Back and Escape at every step, and a deployment that fails after creating an
// identity: it says what it created and deletes exactly that on request.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import type { EmulatorWorld } from '../worldExpectations';
import { waitForNotification, clickNotificationAction } from '../ui/notifications';
import { openWorkbenchAtSubscription, runCommand, screenshot, screenshotOnFailure, treeRowNamed, waitUntil, type Workbench } from '../ui/workbench';
import { journeySubscription } from './journeyWorld';
import { clickModalButton, readPrompt, waitForModal } from './quickInput';
import { escapeAtEveryStep, walkWithBack, type JourneyStep } from './walk';

const exportCommand = 'Export ARM Template for Registry with Customer-Managed Key';
const deployCommand = 'Deploy ARM Template';
const suffix = Date.now().toString(36).slice(-5);
const registryGroup = 'rg-registries-3a';

interface StateForPicks {
    subscriptions: Record<string, { subscriptionId: string; displayName: string }>;
    identities: Record<string, { id: string; name: string; subscriptionId: string; principalId: string }>;
    vaults: Record<
        string,
        {
            id: string;
            name: string;
            subscriptionId: string;
            properties: { enableRbacAuthorization: boolean; networkAcls?: unknown; accessPolicies: { objectId: string }[] };
        }
    >;
    deployments: Record<string, { id: string; name: string; provisioningState: string }>;
}

/** The export wizard's prompts up to the summary: 8 questions, the registry's group other than the vault's. */
function exportSteps(registryName: string, identity: { pick: string; name?: string }, vault: string, versioning: string): JourneyStep[] {
    return [
        { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, count: [1, 8] },
        { name: 'resource-group', asks: /^Select a resource group for the new registry$/, answer: { pick: registryGroup }, count: [2, 8] },
        { name: 'registry-name', asks: /^Registry name/, answer: { type: registryName }, count: [3, 8] },
        { name: 'identity', asks: /^Select the identity the registry uses to reach its key$/, answer: { pick: identity.pick }, count: [4, 8] },
        ...(identity.name
            ? [
                  {
                      name: 'identity-name',
                      asks: /^Name of the new user-assigned managed identity/,
                      answer: { type: identity.name },
                      count: [4, 8],
                  } as JourneyStep,
              ]
            : []),
        { name: 'vault', asks: /^Select the key vault for the encryption key$/, answer: { pick: vault }, count: [5, 8] },
        { name: 'key', asks: /^Select the encryption key$/, answer: { pick: 'cmk-key-1' }, count: [6, 8] },
        { name: 'versioning', asks: /^How should the registry follow new key versions\?$/, answer: { pick: versioning }, count: [7, 8] },
        {
            name: 'summary',
            asks: new RegExp(`^Create registry "${registryName}" encrypted with a customer-managed key\\?$`),
            answer: { button: 'Export ARM Template…' },
        },
    ];
}

describe('Journey: Export ARM Template and Deploy ARM Template', function () {
    this.timeout(10 * 60 * 1000);
    let workbench: Workbench | undefined;
    let world: StateForPicks;
    let subscriptionId: string;
    let vault: StateForPicks['vaults'][string];
    const saved = { registry: `djexs${suffix}`, identity: `id-djexs${suffix}` };
    before(async () => {
        world = await getEmulatorJson<StateForPicks>('state');
        subscriptionId = Object.values(world.subscriptions).find((s) => s.displayName === journeySubscription)!.subscriptionId;
        vault = Object.values(world.vaults).find(
            (v) => v.subscriptionId === subscriptionId && !v.properties.enableRbacAuthorization && !v.properties.networkAcls,
        )!;
        assert.notEqual(vault.id.split('/')[4]!.toLowerCase(), registryGroup, 'the vault lives in another resource group than the registry');
        workbench = await openWorkbenchAtSubscription(journeySubscription);
    });
    after(async () => workbench?.close());
    const notifications = screenshotOnFailure(() => workbench);

    it('Export from the palette with the vault in another resource group: Back at every step, Deploy Now ends with the notification and the new row selected', async () => {
        const page = workbench!.page;
        const registryName = `djexp${suffix}`;
        const identity = Object.values(world.identities)
            .filter((i) => i.subscriptionId === subscriptionId)
            .map((i) => i.name)
            .sort()[0]!;
        await runCommand(page, exportCommand);
        await walkWithBack(page, 'export', [
            ...exportSteps(registryName, { pick: identity }, vault.name, 'Pinned key version (manual rotation)'),
            {
                name: 'export-choice',
                asks: new RegExp(`^Export the ARM template of registry "${registryName}"$`),
                answer: { button: 'Deploy Now' },
                backTo: 'summary',
            },
        ]);
        const done = await waitForNotification(
            page,
            new RegExp(
                `^Deployment "acr-cmk-\\d+" to resource group "${registryGroup}" succeeded: registry "${registryName}" is encrypted with a customer-managed key\\.$`,
            ),
            notifications.seen,
        );
        assert.equal(done.severity, 'info');
        assert.deepEqual(done.actions, ['Show Encryption', 'Diagnose Key Access']);
        const row = treeRowNamed(page, registryName);
        await waitUntil('the deployed registry row, selected', async () => (await row.count()) === 1 && (await row.getAttribute('aria-selected')) === 'true');
        await screenshot(page, 'journey-export-deploy-now-row-selected');

        const after = await getEmulatorJson<EmulatorWorld & StateForPicks>('state');
        const registry = Object.values(after.registries).find((r) => r.name === registryName)!;
        assert.match(registry.encryption.keyVaultProperties!.keyIdentifier, /\/keys\/cmk-key-1\/[0-9a-f]{32}$/, 'pinned to the version current at deployment');
        assert.equal((await keyAccessNow(registry.id)).accessible, true);
        const grant = Object.values(after.deployments).find((d) => d.name === `${registryName}-key-access`);
        assert.equal(
            grant?.id.split('/')[4]?.toLowerCase(),
            vault.id.split('/')[4]!.toLowerCase(),
            "the key access was deployed into the vault's resource group",
        );
    });

    it('Export saved to files, then Deploy… from the notification: the saved template and parameters, one question, the summary', async () => {
        const page = workbench!.page;
        await runCommand(page, exportCommand);
        await walkWithBack(page, 'export-save', [
            ...exportSteps(
                saved.registry,
                { pick: 'Create new user-assigned managed identity', name: saved.identity },
                vault.name,
                'Versionless key (automatic rotation)',
            ),
            {
                name: 'export-choice',
                asks: new RegExp(`^Export the ARM template of registry "${saved.registry}"$`),
                answer: { button: 'Save Template Files…' },
                backTo: 'summary',
            },
        ]);
        // VS Code's own save dialog (a Quick Input in the browser), offering the workspace and the registry's name.
        const dialog = await waitUntil('the save dialog', async () => {
            const view = await readPrompt(page);
            // The dialog fills in its path as it loads: the offered file name (in the workspace) is the answer looked for.
            return view?.title.startsWith(`Save the ARM template of registry "${saved.registry}"`) && view.value.endsWith(`${saved.registry}.template.json`)
                ? view
                : undefined;
        });
        assert.ok(dialog.value.startsWith(process.env.E2E_WORKSPACE!), 'offered in the workspace folder');
        // The save dialog checks the path as it loads; an Enter it was not ready for leaves it open: press it again.
        for (let attempt = 1; ; attempt++) {
            await page.keyboard.press('Enter');
            const closed = await page
                .locator('.quick-input-widget')
                .waitFor({ state: 'hidden', timeout: 10000 })
                .then(
                    () => true,
                    () => false,
                );
            if (closed) break;
            assert.ok(attempt < 3, 'the save dialog closes on Enter');
        }
        // The saved template opens in an editor, which takes the focus: wait for it, as a person sees it open, before
        // anything is typed (the palette opened meanwhile would lose its text to the editor).
        await page
            .locator('.tabs-container .tab.active')
            .filter({ hasText: `${saved.registry}.template.json` })
            .waitFor({ timeout: 30000 });
        const message = new RegExp(
            `^Saved the ARM template of registry "${saved.registry}" as ${saved.registry}\\.template\\.json and its parameters as ${saved.registry}\\.parameters\\.json\\.$`,
        );
        await waitForNotification(page, message, notifications.seen);
        const workspace = process.env.E2E_WORKSPACE!;
        assert.ok(
            fs.existsSync(path.join(workspace, `${saved.registry}.template.json`)) && fs.existsSync(path.join(workspace, `${saved.registry}.parameters.json`)),
            'both files are in the workspace',
        );
        await screenshot(page, 'journey-export-saved');

        await clickNotificationAction(page, message, 'Deploy…');
        await walkWithBack(page, 'deploy-from-export', [
            { name: 'resource-group', asks: /^Select the resource group to deploy to$/, answer: { pick: registryGroup }, count: [1, 2] },
            {
                name: 'summary',
                asks: new RegExp(`^Deploy template "${saved.registry}\\.template\\.json" to resource group "${registryGroup}"\\?$`),
                answer: { button: 'Deploy' },
                check: async () => {
                    const { detail } = await waitForModal(page, /^Deploy template/);
                    assert.match(detail, new RegExp(`registry_name = "${saved.registry}"`));
                    assert.match(
                        detail,
                        new RegExp(`Microsoft\\.Resources/deployments "${saved.registry}-key-access" \\(into resource group "${vault.id.split('/')[4]}"\\)`),
                    );
                    assert.match(detail, new RegExp(`Microsoft\\.KeyVault/vaults/accessPolicies "${vault.name}/add"`));
                    await screenshot(page, 'journey-deploy-summary');
                },
            },
        ]);
        await waitForNotification(
            page,
            new RegExp(`^Deployment "acr-cmk-\\d+" to resource group "${registryGroup}" succeeded: registry "${saved.registry}" is encrypted`),
            notifications.seen,
        );
        const row = treeRowNamed(page, saved.registry);
        await waitUntil('the deployed registry row, selected', async () => (await row.count()) === 1 && (await row.getAttribute('aria-selected')) === 'true');
    });

    it('Deploy ARM Template from the palette: Escape at every step changes nothing; a failing deployment names what it created and deletes it on request', async () => {
        const page = workbench!.page;
        const workspace = process.env.E2E_WORKSPACE!;
        // What a person does to reuse a template: a parameters file of their own, here with a key name that does not exist.
        const broken = { registry: `djexf${suffix}`, identity: `id-djexf${suffix}` };
        const parameters = JSON.parse(fs.readFileSync(path.join(workspace, `${saved.registry}.parameters.json`), 'utf8'));
        Object.assign(parameters.parameters, {
            registry_name: { value: broken.registry },
            identity_name: { value: broken.identity },
            key_name: { value: 'no-such-key' },
        });
        fs.writeFileSync(path.join(workspace, `${broken.registry}.parameters.json`), JSON.stringify(parameters, undefined, 2));
        const steps: JourneyStep[] = [
            { name: 'template', asks: /^Select the ARM template to deploy$/, answer: { pick: `${saved.registry}.template.json` }, count: [1, 5] },
            {
                name: 'parameters',
                asks: new RegExp(`^Parameters of template "${saved.registry}\\.template\\.json"$`),
                answer: { pick: `${broken.registry}.parameters.json` },
                count: [2, 5],
            },
            { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, count: [3, 5] },
            { name: 'resource-group', asks: /^Select the resource group to deploy to$/, answer: { pick: registryGroup }, count: [4, 5] },
            {
                name: 'summary',
                asks: new RegExp(`^Deploy template "${saved.registry}\\.template\\.json" to resource group "${registryGroup}"\\?$`),
                answer: { button: 'Deploy' },
            },
        ];
        await escapeAtEveryStep(page, () => runCommand(page, deployCommand), steps);
        await runCommand(page, deployCommand);
        await walkWithBack(page, 'deploy', steps);

        const failure = await waitForModal(page, /^Deployment "acr-cmk-\d+" failed: .*no-such-key/, 120000);
        assert.match(failure.detail, new RegExp(`Created by this deployment:\\s+• Microsoft\\.ManagedIdentity/userAssignedIdentities "${broken.identity}"`));
        assert.match(failure.detail, new RegExp(`access policy of identity "${broken.identity}" in key vault "${vault.name}" \\(get, wrapKey, unwrapKey\\)`));
        await screenshot(page, 'journey-deploy-failed-leftovers');
        const principal = Object.values((await getEmulatorJson<StateForPicks>('state')).identities).find((i) => i.name === broken.identity)!.principalId;
        await clickModalButton(page, 'Delete What This Deployment Created');
        await waitForNotification(
            page,
            new RegExp(`^Deleted what deployment "acr-cmk-\\d+" created: Microsoft\\.ManagedIdentity/userAssignedIdentities "${broken.identity}"`),
            notifications.seen,
        );
        const after = await getEmulatorJson<StateForPicks>('state');
        assert.equal(
            Object.values(after.identities).some((i) => i.name === broken.identity),
            false,
            'the identity is gone',
        );
        const policies = Object.values(after.vaults).find((v) => v.id === vault.id)!.properties.accessPolicies;
        assert.equal(
            policies.some((p) => p.objectId.toLowerCase() === principal.toLowerCase()),
            false,
            'its access policy is gone',
        );
        assert.equal(notifications.seen.filter((n) => n.severity === 'error').length, 0, 'the failure was the modal, not also an error notification');
    });
});
