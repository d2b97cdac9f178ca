import * as assert from 'node:assert/strict';
import { changeRequests, type ChangeRequest } from '../../../src/domain/rotate/rotationChanges';
import type { RotationRequest } from '../../../src/domain/rotate/RotationRequest';
import type { LoggedRequest } from '../domain/emulatorWorld';
import { rotate, type RotationOutcome } from './rotateAssertions';
import { startRotateWorld, type RotateWorld } from './rotateWorld';

/** The writes of a run, in order: no reads, no tokens, not the test's own admin calls. */
const writesOf = (log: readonly LoggedRequest[]): LoggedRequest[] =>
    log.filter((r) => !['GET', 'HEAD'].includes(r.method) && !r.path.startsWith('/_emulator/') && !/\/oauth2\/|\/token$/i.test(r.path));

const matches = (write: LoggedRequest, request: ChangeRequest, vaultName: string): boolean =>
    write.method === request.method &&
    new RegExp(request.path, 'i').test(write.path) &&
    write.host.toLowerCase().startsWith(`${vaultName.toLowerCase()}.`) === !!request.dataPlane;

/**
 * Each planned change sent exactly the writes `rotationChanges` lists for it, in plan order (a change may repeat its
 * request, e.g. one removal per previous grant), and nothing else was written.
 */
function assertWritesFollowPlan(outcome: RotationOutcome, writes: readonly LoggedRequest[]): void {
    const { plan } = outcome;
    const rbac = !!plan.vault.enableRbacAuthorization;
    let next = 0;
    for (const step of plan.steps) {
        const allowed = changeRequests(step, rbac);
        const start = next;
        while (next < writes.length && allowed.some((request) => matches(writes[next]!, request, plan.vault.name))) {
            next++;
            if (step !== 'removeOldGrant') break;
        }
        assert.ok(next > start, `${step} sent none of ${allowed.map((r) => `${r.method} ${r.path}`).join(' | ')}; next write: ${describeWrite(writes[start])}`);
    }
    assert.equal(next, writes.length, `writes no planned change lists: ${writes.slice(next).map(describeWrite).join(', ')}`);
}

const describeWrite = (write: LoggedRequest | undefined): string => (write ? `${write.method} ${write.host} ${write.path}` : 'none');

describe('rotation changes send the requests their table lists (domain, emulator request log)', function () {
    this.timeout(180000);
    let w: RotateWorld;

    before(async () => {
        w = await startRotateWorld();
    });
    after(() => w?.stop());

    async function rotateAndCheck(name: string, request: (registryId: string) => Omit<RotationRequest, 'consent'>): Promise<RotationOutcome> {
        const registry = await w.newRegistry(name, { versionless: false });
        const { lastSeq } = await w.world.requests();
        const outcome = await rotate(w, request(registry.id));
        const { requests } = await w.world.requests(lastSeq);
        assertWritesFollowPlan(outcome, writesOf(requests));
        return outcome;
    }

    it('a new key version, then the switch (access-policy vault)', async () => {
        const outcome = await rotateAndCheck('rqnewver', (registryId) => ({
            registryId,
            key: { kind: 'newVersion' },
            versionless: false,
            identity: { kind: 'keep' },
        }));
        assert.deepEqual([...outcome.plan.steps], ['createKeyVersion', 'switchEncryption']);
    });

    it('another identity on an RBAC vault: assignment to the registry, one role assignment, the switch', async () => {
        const outcome = await rotateAndCheck('rqrbac', (registryId) => ({
            registryId,
            key: { kind: 'existing', keyId: w.rbac.keys.rbkey! },
            versionless: false,
            identity: { kind: 'user', resourceId: w.other.id! },
        }));
        assert.deepEqual([...outcome.plan.steps], ['assignIdentity', 'grantAccess', 'switchEncryption']);
    });

    it('the system identity behind a firewall without trusted services, the old grant removed, a rotation policy set', async () => {
        const outcome = await rotateAndCheck('rqfirewall', (registryId) => ({
            registryId,
            key: { kind: 'existing', keyId: `${w.firewalledNoBypass.uri}keys/fwkey` },
            versionless: true,
            identity: { kind: 'system' },
            removePreviousIdentityAccess: true,
            rotationPolicy: { rotateEveryDays: 60, notifyDaysBeforeExpiry: 20 },
        }));
        for (const step of ['enableSystemIdentity', 'grantAccess', 'enableTrustedServices', 'switchEncryption', 'setRotationPolicy'] as const) {
            assert.ok(outcome.plan.steps.has(step), `${step} planned`);
        }
    });

    it('the system identity on an RBAC vault with the previous role assignment removed', async () => {
        const registry = await w.newRegistry('rqrbacold', { keyId: w.rbac.keys.rbkey! });
        const { lastSeq } = await w.world.requests();
        const outcome = await rotate(w, {
            registryId: registry.id,
            key: { kind: 'existing', keyId: w.rbac.keys.rbkey! },
            versionless: false,
            identity: { kind: 'system' },
            removePreviousIdentityAccess: true,
        });
        assertWritesFollowPlan(outcome, writesOf((await w.world.requests(lastSeq)).requests));
        assert.deepEqual([...outcome.plan.steps], ['enableSystemIdentity', 'grantAccess', 'switchEncryption', 'removeOldGrant']);
    });

    it('the check fails on a write the table does not list for the change', () => {
        const outcome = { plan: { vault: { name: 'kv' }, steps: new Set(['switchEncryption']) } } as unknown as RotationOutcome;
        const patch = {
            method: 'PATCH',
            host: 'management.localhost',
            path: '/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/r',
        };
        const stray = { method: 'PUT', host: 'management.localhost', path: '/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/kv' };
        assert.doesNotThrow(() => assertWritesFollowPlan(outcome, [patch as LoggedRequest]));
        assert.throws(() => assertWritesFollowPlan(outcome, [patch, stray] as LoggedRequest[]), /writes no planned change lists/);
        assert.throws(() => assertWritesFollowPlan(outcome, [stray] as LoggedRequest[]), /switchEncryption sent none/);
    });
});
