import { invalidTemplate } from './deploymentError';

export interface DependencyNode {
    symbol: string;
    dependsOn: number[];
}

export type NodeOutcome = { status: 'succeeded' } | { status: 'failed'; error: unknown } | { status: 'skipped' };

export function assertAcyclic(nodes: DependencyNode[]): void {
    const state = new Map<number, 'visiting' | 'done'>();
    const visit = (index: number, path: number[]): void => {
        if (state.get(index) === 'done') return;
        if (state.get(index) === 'visiting') {
            const cycle = [...path.slice(path.indexOf(index)), index].map((i) => nodes[i]!.symbol);
            throw invalidTemplate(`Circular dependency detected on resource: ${cycle.join(' -> ')}.`);
        }
        state.set(index, 'visiting');
        for (const dependency of nodes[index]!.dependsOn) visit(dependency, [...path, index]);
        state.set(index, 'done');
    };
    nodes.forEach((_, index) => visit(index, []));
}

/**
 * Runs each node once all it depends on have succeeded; independent nodes run concurrently, as ARM does.
 * A node whose dependency failed is skipped. Resolves when every node has finished or been skipped.
 */
export async function runInDependencyOrder(nodes: DependencyNode[], run: (index: number) => Promise<void>): Promise<NodeOutcome[]> {
    assertAcyclic(nodes);
    const outcomes = new Map<number, Promise<NodeOutcome>>();
    const start = (index: number): Promise<NodeOutcome> => {
        let outcome = outcomes.get(index);
        if (!outcome) {
            outcome = Promise.all(nodes[index]!.dependsOn.map(start)).then(async (dependencies): Promise<NodeOutcome> => {
                if (dependencies.some((dependency) => dependency.status !== 'succeeded')) return { status: 'skipped' };
                try {
                    await run(index);
                    return { status: 'succeeded' };
                } catch (error) {
                    return { status: 'failed', error };
                }
            });
            outcomes.set(index, outcome);
        }
        return outcome;
    };
    return Promise.all(nodes.map((_, index) => start(index)));
}
