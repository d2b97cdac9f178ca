import { strict as assert } from 'node:assert';
import { EmulatorClock, parseIsoDuration, parseIsoInstant } from '../../emulator/clock';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('emulator clock', () => {
    it('parses ISO 8601 durations (Key Vault counts a year as 365 days and a month as 30)', () => {
        assert.equal(parseIsoDuration('PT2H'), 2 * HOUR);
        assert.equal(parseIsoDuration('P90D'), 90 * DAY);
        assert.equal(parseIsoDuration('P1Y2M'), 425 * DAY);
        assert.equal(parseIsoDuration('P2W'), 14 * DAY);
        assert.equal(parseIsoDuration('P1DT1H30M15.5S'), DAY + HOUR + 30 * 60_000 + 15_500);
        assert.equal(parseIsoDuration('pt59m'), 59 * 60_000);
        for (const bad of ['', 'P', 'PT', '2H', 'P1H', 'PT1D', 'P-1D', 'P1DT', 12, undefined, 'PT2H ago']) {
            assert.equal(parseIsoDuration(bad), undefined, String(bad));
        }
    });

    it('parses ISO 8601 instants with a zone only', () => {
        assert.equal(parseIsoInstant('2027-01-01T00:00:00Z'), Date.UTC(2027, 0, 1));
        assert.equal(parseIsoInstant('2027-01-01T02:00:00+02:00'), Date.UTC(2027, 0, 1));
        assert.equal(parseIsoInstant('2027-01-01T00:00:00'), undefined, 'no zone: ambiguous');
        assert.equal(parseIsoInstant('2027-01-01'), undefined);
        assert.equal(parseIsoInstant('tomorrow'), undefined);
    });

    it('runs with the machine time plus an offset that only grows', () => {
        const clock = new EmulatorClock();
        assert.ok(Math.abs(clock.nowMs() - Date.now()) < 1000);
        clock.advance(2 * HOUR);
        assert.ok(Math.abs(clock.nowMs() - Date.now() - 2 * HOUR) < 1000);
        assert.equal(clock.nowSeconds(), Math.floor(clock.nowMs() / 1000));
        assert.throws(() => clock.advance(-1), /forward/);
        assert.throws(() => clock.set(Date.now()), /forward/, "setting before the emulator's now is going back");
        const target = clock.nowMs() + 90 * DAY;
        clock.set(target);
        assert.ok(Math.abs(clock.nowMs() - target) < 1000);
    });

    it('starts at a chosen time (--clock), past or future, and keeps ticking from there', () => {
        const start = Date.UTC(2026, 0, 1);
        const clock = new EmulatorClock(start);
        assert.ok(clock.nowMs() - start >= 0 && clock.nowMs() - start < 1000);
        assert.match(clock.iso(), /^2026-01-01T00:00:0\d\.\d{3}Z$/);
    });
});
