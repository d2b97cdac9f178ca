import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

// The shape docs/architecture.md describes: folders are layered, so no two sibling folders import each other (a flow
// built on another imports it, never the other way round; what both need sits in a shared folder below them).

const root = path.resolve(__dirname, '..', '..', '..');

function tsFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? tsFiles(full) : name.endsWith('.ts') ? [full] : [];
    });
}

/** Which sibling folders of `parent` each folder imports (relative imports only, resolved). */
function siblingEdges(parent: string): Set<string> {
    const base = path.join(root, parent);
    const folders = readdirSync(base).filter((name) => statSync(path.join(base, name)).isDirectory());
    const edges = new Set<string>();
    for (const folder of folders) {
        for (const file of tsFiles(path.join(base, folder))) {
            for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
                const target = path.relative(base, path.resolve(path.dirname(file), match[1]!)).split(path.sep)[0]!;
                if (target !== folder && folders.includes(target)) {
                    edges.add(`${folder} -> ${target}`);
                }
            }
        }
    }
    return edges;
}

function mutualPairs(parent: string): string[] {
    const edges = siblingEdges(parent);
    return [...edges]
        .filter((edge) => {
            const [from, to] = edge.split(' -> ');
            return from! < to! && edges.has(`${to} -> ${from}`);
        })
        .map((edge) => edge.replace(' -> ', ' <-> '));
}

describe('architecture: no two sibling folders import each other', () => {
    for (const parent of ['src', 'src/domain', 'src/commands']) {
        it(`${parent}/`, () => {
            assert.deepEqual(mutualPairs(parent), []);
        });
    }

    it('sees an import cycle when there is one (the check itself)', () => {
        const edges = siblingEdges('src/domain');
        assert.ok(edges.has('rotate -> engine'), 'rotate uses the change runner');
        assert.ok(!edges.has('engine -> rotate'), 'the runner knows no flow');
        assert.ok(edges.has('recovery -> rotate') && !edges.has('rotate -> recovery'), 'recovery sits above the flows');
    });
});
