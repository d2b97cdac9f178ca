import type { EmulatorContext } from './context';
import { rotateDueKeys } from './keyvault/rotationSchedule';
import { pickUpNewKeyVersions } from './arm/keyPickup';

const running = new WeakMap<EmulatorContext, Promise<void>>();
const lastRun = new WeakMap<EmulatorContext, { generation: number; second: number; world: EmulatorContext['world'] }>();

/**
 * Applies every time-driven rule that fell due by the emulator's now: Key Vault's scheduled rotations first, then
 * ACR's pickup of new versions. Run before each request and after the clock moves; one run at a time per emulator, so
 * two concurrent requests never rotate the same key twice. (Key expiry and the removed identity's grace period are
 * checked where they matter, against the clock, and need no step here.)
 */
export function applyDueRules(ctx: EmulatorContext): Promise<void> {
    const previous = running.get(ctx) ?? Promise.resolve();
    const next = previous.then(async () => {
        // Both rules read only the world and the clock's second: with no change since the last run in the same second,
        // running them again finds nothing (a scan of every registry and key costs tens of milliseconds at 10 000 registries).
        const now = ctx.clock.nowSeconds();
        const last = lastRun.get(ctx);
        if (ctx.generation !== undefined && last && last.generation === ctx.generation && last.second === now && last.world === ctx.world) return;
        await rotateDueKeys(ctx);
        pickUpNewKeyVersions(ctx);
        if (ctx.generation !== undefined) lastRun.set(ctx, { generation: ctx.generation, second: now, world: ctx.world });
    });
    running.set(
        ctx,
        next.catch(() => undefined),
    );
    return next;
}
