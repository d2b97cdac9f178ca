/**
 * The emulator's notion of now: the machine's time plus an offset that only grows (`advance`, `set` forward) or is
 * chosen at start (`--clock`). Every time-driven rule (key dates, rotation policies, ACR's pickup of a new key
 * version, an inactive removed identity, Resource Graph's lag, timestamps it writes) reads it, so a test can make
 * hours or months pass at once. Tokens stay on the machine's time: clients judge a token's expiry by their own clock.
 */
export class EmulatorClock {
    private offsetMs: number;

    constructor(startAt?: number) {
        this.offsetMs = startAt === undefined ? 0 : startAt - Date.now();
    }

    nowMs(): number {
        return Date.now() + this.offsetMs;
    }

    nowSeconds(): number {
        return Math.floor(this.nowMs() / 1000);
    }

    date(): Date {
        return new Date(this.nowMs());
    }

    iso(): string {
        return this.date().toISOString();
    }

    /** Moves time forward; time never runs backwards (versions, dates and logs already written would contradict it). */
    advance(ms: number): void {
        if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward.');
        this.offsetMs += ms;
    }

    set(at: number): void {
        this.advance(at - this.nowMs());
    }
}

const DURATION =
    /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const SECOND = 1000;
const DAY = 86_400 * SECOND;
/** Year and month as Key Vault counts them in rotation policies: 365 and 30 days. */
const UNIT_MS = [365 * DAY, 30 * DAY, 7 * DAY, DAY, 3600 * SECOND, 60 * SECOND, SECOND];

/** An ISO 8601 duration (`PT2H`, `P90D`, `P1Y2M`, `P2W`, `PT0.5S`) in milliseconds, or undefined when it is not one. */
export function parseIsoDuration(text: unknown): number | undefined {
    const m = typeof text === 'string' ? DURATION.exec(text.trim()) : null;
    if (!m) return undefined;
    return Math.round(m.slice(1).reduce((total, part, i) => total + (part ? Number(part) * UNIT_MS[i]! : 0), 0));
}

/** An ISO 8601 instant with a zone (`2027-01-01T00:00:00Z`), in milliseconds since the epoch. */
export function parseIsoInstant(text: unknown): number | undefined {
    if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i.test(text.trim())) return undefined;
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
}
