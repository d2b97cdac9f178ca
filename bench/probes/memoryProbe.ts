// Child process (node --expose-gc): heap growth of a process that holds the listed tree model.
import type { EmulatorEnvironment } from '../../test/emulator';
import { connectAsExtension } from '../lib/connect';
import { probeMain } from '../lib/probe';
import { checkTree, listTreeLikeTheView, type ListedTree } from '../lib/treePath';

export interface MemoryProbeInput {
    environment: EmulatorEnvironment;
    expected: { subscriptions: number; registries: number };
}
export interface MemoryProbeOutput {
    heapBeforeMb: number;
    heapHoldingMb: number;
    heapReleasedMb: number;
    rssHoldingMb: number;
    registries: number;
}

const MB = 1024 * 1024;

function settledHeapMb(): number {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) {
        throw new Error('run with --expose-gc');
    }
    gc();
    gc(); // a second pass collects what the first one's finalizers released
    return process.memoryUsage().heapUsed / MB;
}

probeMain(async (input: MemoryProbeInput): Promise<MemoryProbeOutput> => {
    const heapBeforeMb = settledHeapMb();
    let tree: ListedTree | undefined = await listTreeLikeTheView(await connectAsExtension(input.environment, undefined));
    const { registries } = checkTree(tree, input.expected);
    const heapHoldingMb = settledHeapMb();
    const rssHoldingMb = process.memoryUsage().rss / MB;
    if (tree.registries.length !== registries) {
        throw new Error('unreachable: keeps `tree` alive until here');
    }
    tree = undefined;
    await new Promise((resolve) => setImmediate(resolve)); // let sockets and timers of the finished requests close
    return { heapBeforeMb, heapHoldingMb, heapReleasedMb: settledHeapMb(), rssHoldingMb, registries };
});
