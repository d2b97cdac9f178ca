/** An ISO 8601 duration as Key Vault rotation policies write it (`P90D`, `P1Y6M`, `PT12H`). */
export interface IsoDuration {
    years: number;
    months: number;
    weeks: number;
    days: number;
    hours: number;
    minutes: number;
    seconds: number;
}

const pattern = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

export function parseIsoDuration(text: string): IsoDuration | undefined {
    const match = pattern.exec(text.trim());
    if (!match || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) {
        return undefined;
    }
    const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
    return { years: years!, months: months!, weeks: weeks!, days: days!, hours: hours!, minutes: minutes!, seconds: seconds! };
}

/** `date` moved by the duration (calendar months and years, UTC), `sign` -1 to go back. */
export function addIsoDuration(date: Date, duration: IsoDuration, sign: 1 | -1 = 1): Date {
    const result = new Date(date.getTime());
    result.setUTCFullYear(result.getUTCFullYear() + sign * duration.years, result.getUTCMonth() + sign * duration.months);
    const milliseconds = ((((duration.weeks * 7 + duration.days) * 24 + duration.hours) * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
    return new Date(result.getTime() + sign * milliseconds);
}
