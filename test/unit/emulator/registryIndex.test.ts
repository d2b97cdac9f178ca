import * as assert from 'node:assert/strict';
import { registriesInScope, scopePrefixes } from '../../emulator/registryIndex';
import { emptyWorld } from '../../emulator/store';
import type { Registry, World } from '../../emulator/types';

const id = (sub: string, rg: string, name: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ContainerRegistry/registries/${name}`;
function add(world: World, sub: string, rg: string, name: string): Registry {
    const registry = { id: id(sub, rg, name), name, subscriptionId: sub, resourceGroup: rg } as Registry;
    world.registries[registry.id.toLowerCase()] = registry;
    return registry;
}
const names = (registries: Registry[]) => registries.map((registry) => registry.name);
const fullScan = (world: World, prefix: string) =>
    Object.keys(world.registries)
        .filter((key) => key.startsWith(prefix))
        .map((key) => world.registries[key]!.name);

describe('emulator: registry index by scope', () => {
    it('derives subscription and group prefixes from a lower-case id', () => {
        assert.deepEqual(scopePrefixes(id('s1', 'rg1', 'r').toLowerCase()), ['/subscriptions/s1/', '/subscriptions/s1/resourcegroups/rg1/']);
    });

    it('answers like a full scan, and follows additions, deletions and replacements', () => {
        const world = emptyWorld('t');
        add(world, 's1', 'rgA', 'one');
        add(world, 's1', 'rgB', 'two');
        add(world, 's2', 'rgA', 'three');
        assert.deepEqual(names(registriesInScope(world, '/subscriptions/s1/')), ['one', 'two']);
        assert.deepEqual(names(registriesInScope(world, '/subscriptions/s1/resourcegroups/rga/')), ['one']);
        add(world, 's1', 'rgA', 'four');
        delete world.registries[id('s1', 'rgB', 'two').toLowerCase()];
        world.registries[id('s1', 'rgA', 'one').toLowerCase()] = { ...world.registries[id('s1', 'rgA', 'one').toLowerCase()]!, name: 'one-updated' };
        for (const prefix of [
            '/subscriptions/s1/',
            '/subscriptions/s2/',
            '/subscriptions/s1/resourcegroups/rga/',
            '/subscriptions/s1/resourcegroups/rgb/',
            '/subscriptions/s3/',
        ]) {
            assert.deepEqual(names(registriesInScope(world, prefix)), fullScan(world, prefix), prefix);
        }
        assert.deepEqual(names(registriesInScope(world, '/subscriptions/s1/')), ['one-updated', 'four']);
    });

    it('leaves the world serializable as before (state file, admin API)', () => {
        const world = emptyWorld('t');
        add(world, 's1', 'rgA', 'one');
        const before = JSON.stringify(world);
        registriesInScope(world, '/subscriptions/s1/');
        assert.equal(JSON.stringify(world), before);
        assert.deepEqual(Object.keys(world.registries), [id('s1', 'rgA', 'one').toLowerCase()]);
    });
});
