import type { EmulatorContext } from './context';
import { rotateDueKeys } from './keyvault/rotationSchedule';
import { pickUpNewKeyVersions } from './arm/keyPickup';

const running = new WeakMap<EmulatorContext, Promise<void>>();

/**
 * Applies every time-driven rule that fell due by the emulator's now: Key Vault's scheduled rotations first, then
 * ACR's pickup of new versions. Run before each request and after the clock moves; one run at a time per emulator, so
 * two concurrent requests never rotate the same key twice. (Key expiry and the removed identity's grace period are
 * checked where they matter, against the clock, and need no step here.)
 */
export function applyDueRules(ctx: EmulatorContext): Promise<void> {
  const previous = running.get(ctx) ?? Promise.resolve();
  const next = previous.then(async () => {
    await rotateDueKeys(ctx);
    pickUpNewKeyVersions(ctx);
  });
  running.set(ctx, next.catch(() => undefined));
  return next;
}
