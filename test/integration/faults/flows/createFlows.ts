import type { CreatePlan } from '../../../../src/domain/create/CreatePlan';
import { isCreateStepFailedError } from '../../../../src/domain/create/CreateStepFailedError';
import { executeCreate, type CreateResult } from '../../../../src/domain/create/executeCreate';
import { preflightCreate } from '../../../../src/domain/create/preflight';
import { buildArmTemplate } from '../../../../src/domain/create/template/armTemplate';
import { deployTemplate, readParameterValues, type DeployInput } from '../../../../src/domain/create/template/deployTemplate';
import { isDomainError } from '../../../../src/domain/errors';
import { check, describeError, explainCheckFailure, type FlowSpec } from '../flowSpec';
import type { EmulatorSnapshot, FaultWorld } from '../faultWorld';

const tables = (state: EmulatorSnapshot): Record<string, Record<string, unknown>> => ({
    resourceGroup: state.groups,
    identity: state.identities,
    vault: state.vaults,
    registry: state.registries,
});

function createPlan(w: FaultWorld): CreatePlan {
    return {
        subscriptionId: w.subscriptionIds[0]!,
        location: 'eastus',
        resourceGroup: { name: 'rg-fault-create', create: true },
        registry: { name: 'faultcreatereg' },
        identity: { kind: 'new', name: 'id-fault-create' },
        vault: { kind: 'new', name: 'kv-fault-create', softDeleteRetentionInDays: 7 },
        key: { kind: 'new', name: 'key-fault-create', keyType: 'RSA', keySize: 2048 },
        versionless: true,
    };
}

const createOptions = { grantPropagationTimeoutMs: 0 };

/** What the wizard runs after the summary: the read-only preflight, then the steps. */
async function create(w: FaultWorld, plan: CreatePlan): Promise<CreateResult> {
    await preflightCreate(w.factory, plan);
    return executeCreate(w.factory, plan, createOptions);
}

export const createFlow: FlowSpec<CreatePlan> = {
    name: 'create',
    prepare: async (w) => createPlan(w),
    run: (w, plan) => create(w, plan),
    explain(error) {
        if (isCreateStepFailedError(error)) {
            return { step: error.report.step, cause: `${error.report.cause.code} ${error.report.cause.message}` };
        }
        return explainCheckFailure(error);
    },
    async checkState(w, plan, error) {
        const problems: string[] = [];
        const state = await w.state();
        const listed = isCreateStepFailedError(error) ? error.report.created : [];
        for (const resource of listed) {
            const table = tables(state)[resource.kind];
            check(problems, !table || resource.id.toLowerCase() in table, `reported ${resource.kind} ${resource.id} is not in the emulator`);
        }
        // Everything the plan names that is not in the report must not exist.
        const planned: [string, string][] = [
            ['resourceGroup', `/subscriptions/${plan.subscriptionId}/resourcegroups/${plan.resourceGroup.name}`],
            ['identity', 'id-fault-create'],
            ['vault', 'kv-fault-create'],
            ['registry', plan.registry.name],
        ];
        for (const [kind, name] of planned) {
            const inEmulator = Object.keys(tables(state)[kind]!).some((id) => id.toLowerCase().endsWith(name.toLowerCase()));
            const reported = listed.some((r) => r.kind === kind);
            check(
                problems,
                inEmulator === reported,
                `${kind} ${name}: emulator ${inEmulator ? 'has it' : 'has none'}, the report ${reported ? 'lists it' : 'does not list it'}`,
            );
        }
        return problems;
    },
    retry: (w, plan, error) => (isCreateStepFailedError(error) ? executeCreate(w.factory, plan, { ...createOptions, resume: error.state }) : create(w, plan)),
    async verify(w, _plan, result) {
        const access = await w.keyAccess((result as CreateResult).registryId);
        return access.accessible ? [] : [`the new registry cannot reach its key: ${access.reason}`];
    },
};

export const deployFlow: FlowSpec<DeployInput> = {
    name: 'template deploy',
    async prepare(w) {
        const state = await w.state();
        const vault = Object.values(state.vaults).find((v) => v.name.startsWith('kv-ap-0001'))!;
        const resourceGroup = vault.id.split('/')[4]!;
        const groupLocation = 'eastus';
        const files = buildArmTemplate({
            subscriptionId: w.subscriptionIds[0]!,
            location: groupLocation,
            resourceGroup: { name: resourceGroup, create: false },
            registry: { name: 'faultdeployreg' },
            identity: { kind: 'new', name: 'id-fault-deploy' },
            vault: { kind: 'existing', id: vault.id },
            key: { kind: 'existing', name: 'cmk-key-1' },
            versionless: true,
        });
        return {
            subscriptionId: w.subscriptionIds[0]!,
            resourceGroup,
            deploymentName: 'fault-deploy',
            template: files.template,
            parameters: readParameterValues(files.parameters),
        };
    },
    run: (w, input) => deployTemplate(w.factory, input),
    explain: (error) =>
        isDomainError(error) && error.code === 'DeploymentFailed'
            ? { step: `deployment ${error.params.deployment}`, cause: `${error.params.code} ${error.params.message}` }
            : undefined,
    async checkState(w, input) {
        // "Deployment failed" must be true: the emulator's deployment did not succeed (or was never accepted).
        const state = await w.state();
        const deployment = Object.values(state.deployments).find((d) => d.id.toLowerCase().endsWith(`/deployments/${input.deploymentName}`));
        return deployment?.provisioningState === 'Succeeded' ? ['the deployment is reported failed but succeeded in Azure'] : [];
    },
    retry: (w, input) => deployTemplate(w.factory, input),
    async verify(w, input) {
        const access = await w.keyAccess(
            `/subscriptions/${input.subscriptionId}/resourceGroups/${input.resourceGroup}/providers/Microsoft.ContainerRegistry/registries/faultdeployreg`,
        );
        return access.accessible ? [] : [`the deployed registry cannot reach its key: ${access.reason}`];
    },
};

export { describeError };
