// Child process: Rotate All Registries Using This Key over every registry of one key (plan, then run), and the same
// over a single registry of a sibling key (one rotation), timed, with the emulator's log read around each.
import { readFleet } from '../../src/domain/fleet/readFleet';
import type { FleetRotationRequest } from '../../src/domain/fleet/rotateAll/FleetRotation';
import { planFleetRotation } from '../../src/domain/fleet/rotateAll/planFleetRotation';
import { runFleetRotation } from '../../src/domain/fleet/rotateAll/runFleetRotation';
import { parseKeyIdentifier } from '../../src/domain/keys/keyIdentifier';
import type { EmulatorEnvironment } from '../../test/emulator';
import { connectAsExtension } from '../lib/connect';
import { adminJson } from '../../test/support/adminRequest';
import { probeMain } from '../lib/probe';
import { classify, clientRequests, dependentChainLength, peakConcurrency, type LoggedRequest } from '../lib/requestLog';
import { elapsedMs } from '../lib/stats';

export interface RotateAllProbeInput {
    environment: EmulatorEnvironment;
    ca: string;
    /** The vault (first whose name starts so) and its keys: every registry on `fleetKey` is rotated at once; one registry of `singleKey` alone. */
    vaultPrefix: string;
    fleetKey: string;
    singleKey: string;
    expectedRegistries: number;
}

export interface RotateAllPhase {
    ms: number;
    requests: number;
    dependentChain: number;
    peakInFlight: number;
    lroOperations: number;
    lroPollRequests: number;
}
export interface RotateAllRun {
    registries: number;
    switched: number;
    notSwitched: string[];
    plan: RotateAllPhase;
    run: RotateAllPhase;
    whole: RotateAllPhase;
}
export interface RotateAllProbeOutput {
    fleet: RotateAllRun;
    single: RotateAllRun;
}

type Log = { lastSeq: number; requests: LoggedRequest[] };

/** Distinct long-running operations polled (their status URLs carry the operation id). */
const lroOperationIds = (requests: readonly LoggedRequest[]) =>
    new Set(requests.map((request) => /\/(?:operationStatuses|operationResults)\/([^/?]+)/i.exec(request.path)?.[1]).filter(Boolean));

/** The flow's own requests: Resource Manager and Key Vault, not sign-in. */
const flowOnly = (requests: LoggedRequest[]) => clientRequests(requests).filter((request) => !['token', 'authorityMetadata'].includes(classify(request)));

function phase(requests: LoggedRequest[], ms: number): RotateAllPhase {
    const polls = requests.filter((request) => classify(request) === 'lroPoll');
    return {
        ms,
        requests: requests.length,
        dependentChain: dependentChainLength(requests),
        peakInFlight: peakConcurrency(requests),
        lroOperations: lroOperationIds(polls).size,
        lroPollRequests: polls.length,
    };
}

probeMain(async (input: RotateAllProbeInput): Promise<RotateAllProbeOutput> => {
    const env = input.environment;
    const log = (since = 0) => adminJson<Log>(`${env.adminEndpoint}requests?since=${since}`, input.ca);
    // Not measured: what the Keys view already shows (the fleet, and who uses each key) when the command is chosen.
    const targets = await (await connectAsExtension(env, undefined)).listAllSubscriptions();
    const fleet = await readFleet(targets, 'resourceManager');
    const factory = targets[0]!.factory;
    const vault = fleet.vaults.find((candidate) => candidate.name.startsWith(input.vaultPrefix));
    if (!vault) {
        throw new Error(`no vault named ${input.vaultPrefix}…`);
    }
    const keyIdOf = (keyName: string) => `${vault.vaultUri.replace(/\/$/, '')}/keys/${keyName}`;
    const usersOf = (keyName: string) =>
        fleet.registries.filter(
            (registry) =>
                registry.encryption.status === 'enabled' &&
                registry.encryption.keyIdentifier.replace(/\/[0-9a-f]{32}$/i, '').toLowerCase() === keyIdOf(keyName).toLowerCase(),
        );
    const rotate = async (keyName: string, registries: ReturnType<typeof usersOf>): Promise<RotateAllRun> => {
        const keyId = keyIdOf(keyName);
        // Pinned registries moved to one new version of their key, created once for all.
        const request: FleetRotationRequest = {
            key: { ...parseKeyIdentifier(keyId, factory.cloud), version: undefined },
            registries: registries.map(({ id, name }) => ({ id, name })),
            target: { kind: 'newVersion' },
            versionless: false,
            subscriptionIds: targets.map((target) => target.subscriptionId),
        };
        const start = (await log()).lastSeq;
        const t0 = process.hrtime.bigint();
        const plan = await planFleetRotation(factory, request);
        const planMs = elapsedMs(t0);
        const planned = (await log(start)).lastSeq;
        const t1 = process.hrtime.bigint();
        const result = await runFleetRotation(factory, plan);
        const runMs = elapsedMs(t1);
        const all = flowOnly((await log(start)).requests);
        const switched = result.outcomes.filter((outcome) => outcome.kind === 'switched').length;
        return {
            registries: registries.length,
            switched,
            notSwitched: result.outcomes.filter((outcome) => outcome.kind !== 'switched').map((outcome) => `${outcome.registry.name}: ${outcome.kind}`),
            plan: phase(
                all.filter((request) => request.seq <= planned),
                planMs,
            ),
            run: phase(
                all.filter((request) => request.seq > planned),
                runMs,
            ),
            whole: phase(all, planMs + runMs),
        };
    };
    const fleetUsers = usersOf(input.fleetKey);
    if (fleetUsers.length !== input.expectedRegistries) {
        throw new Error(`${fleetUsers.length} registries use ${keyIdOf(input.fleetKey)}, expected ${input.expectedRegistries}`);
    }
    const single = await rotate(input.singleKey, usersOf(input.singleKey).slice(0, 1));
    return { single, fleet: await rotate(input.fleetKey, fleetUsers) };
});
