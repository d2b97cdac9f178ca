import type { Registry, World } from './types';

/**
 * Registries by scope (subscription, resource group), so a list reads only its own scope instead of walking all
 * 10 000 keys of `world.registries` (with 100 subscriptions listed at once that walk was the emulator's whole cost).
 *
 * Every handler writes `world.registries[key] = …` / `delete …` directly, so the map is wrapped (once per world)
 * in a Proxy that counts key additions and removals; the index is rebuilt in one pass after such a change.
 * Replacing a registry under its existing key needs no rebuild: the index holds keys, values are read at list time.
 */
interface ScopeIndex {
    keysVersion: number;
    byScope: Map<string, string[]>;
}
interface Tracker {
    keysVersion: number;
    index?: ScopeIndex;
}

const TRACKER = Symbol('registryIndex.tracker');
type TrackedMap = Record<string, Registry> & { [TRACKER]?: Tracker };

function trackerOf(world: World): Tracker {
    const current = world.registries as TrackedMap;
    const existing = current[TRACKER];
    if (existing) return existing;
    const tracker: Tracker = { keysVersion: 0 };
    // A symbol key: invisible to JSON.stringify, Object.keys/values/entries and for…in (state files, admin API).
    Object.defineProperty(current, TRACKER, { value: tracker, enumerable: false });
    world.registries = new Proxy(current, {
        set(target, key, value) {
            if (!Object.prototype.hasOwnProperty.call(target, key)) tracker.keysVersion++;
            (target as Record<PropertyKey, unknown>)[key] = value;
            return true;
        },
        deleteProperty(target, key) {
            if (Object.prototype.hasOwnProperty.call(target, key)) tracker.keysVersion++;
            return delete (target as Record<PropertyKey, unknown>)[key];
        },
        defineProperty(target, key, descriptor) {
            if (!Object.prototype.hasOwnProperty.call(target, key)) tracker.keysVersion++;
            return Reflect.defineProperty(target, key, descriptor);
        },
    });
    return tracker;
}

/** `/subscriptions/<sub>/` and `/subscriptions/<sub>/resourcegroups/<rg>/` of a lower-case resource id. */
export function scopePrefixes(key: string): string[] {
    // Slash positions instead of split(): this runs for every key when the index is rebuilt.
    const afterSubscription = key.indexOf('/', key.indexOf('/', 1) + 1);
    if (afterSubscription < 0) return [`${key}/`];
    const afterGroup = key.indexOf('/', key.indexOf('/', afterSubscription + 1) + 1);
    const subscription = key.slice(0, afterSubscription + 1);
    return afterGroup < 0 ? [subscription] : [subscription, key.slice(0, afterGroup + 1)];
}

function build(registries: Record<string, Registry>, keysVersion: number): ScopeIndex {
    const byScope = new Map<string, string[]>();
    for (const key in registries) {
        for (const prefix of scopePrefixes(key)) {
            let keys = byScope.get(prefix);
            if (!keys) byScope.set(prefix, (keys = []));
            keys.push(key);
        }
    }
    return { keysVersion, byScope };
}

/**
 * The registries whose lower-case id starts with `scopePrefix` (a subscription or resource group id followed by
 * '/'), in the map's insertion order, as the former full scan returned them.
 */
export function registriesInScope(world: World, scopePrefix: string): Registry[] {
    const tracker = trackerOf(world);
    if (!tracker.index || tracker.index.keysVersion !== tracker.keysVersion) tracker.index = build(world.registries, tracker.keysVersion);
    const items: Registry[] = [];
    for (const key of tracker.index.byScope.get(scopePrefix) ?? []) {
        const registry = world.registries[key];
        if (registry) items.push(registry);
    }
    return items;
}
