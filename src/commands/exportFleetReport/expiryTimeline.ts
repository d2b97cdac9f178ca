/** One key on the timeline: its latest version's life, from creation to expiry (open-ended without one). */
export interface TimelineRow {
    readonly label: string;
    readonly createdOn?: Date;
    readonly expiresOn?: Date;
    readonly tone: 'ok' | 'soon' | 'expired' | 'unknown';
    /** Said at the end of the bar ("2027-03-01", "no expiry"). */
    readonly endText: string;
    /** The row's tooltip in viewers that show SVG titles. */
    readonly title: string;
}

export interface TimelineText {
    readonly title: string;
    readonly today: string;
}

const dayMs = 86_400_000;
const width = 820;
const labelWidth = 240;
const chartLeft = labelWidth + 10;
const chartRight = width - 110;
const rowHeight = 26;
const top = 52;
const colours: Record<TimelineRow['tone'], string> = { ok: '#2e7d32', soon: '#ef6c00', expired: '#c62828', unknown: '#757575' };

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The keys in use on one time axis, as a self-contained SVG (no fonts, scripts or links to fetch): a bar per key from
 * its latest version's creation to its expiry, coloured by how close that is, and a line for today. The axis spans a
 * month before today to a little past the last expiry (at least half a year, at most five years).
 */
export function expiryTimelineSvg(rows: readonly TimelineRow[], now: Date, text: TimelineText): string {
    const start = now.getTime() - 30 * dayMs;
    const lastExpiry = Math.max(0, ...rows.map((row) => row.expiresOn?.getTime() ?? 0));
    const end = Math.min(now.getTime() + 5 * 365 * dayMs, Math.max(now.getTime() + 182 * dayMs, lastExpiry + 30 * dayMs));
    const x = (time: number): number => chartLeft + ((Math.min(Math.max(time, start), end) - start) / (end - start)) * (chartRight - chartLeft);
    const height = top + rows.length * rowHeight + 24;
    const ticks = Array.from({ length: 6 }, (_, i) => start + (i * (end - start)) / 5);
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
        `<rect width="100%" height="100%" fill="#ffffff"/>`,
        `<text x="10" y="20" font-size="14" font-weight="bold" fill="#202020">${escapeXml(text.title)}</text>`,
        ...ticks.map(
            (tick) =>
                `<line x1="${x(tick).toFixed(1)}" y1="${top - 8}" x2="${x(tick).toFixed(1)}" y2="${height - 20}" stroke="#e0e0e0"/>` +
                `<text x="${x(tick).toFixed(1)}" y="${top - 14}" text-anchor="middle" fill="#606060">${isoDay(new Date(tick))}</text>`,
        ),
        ...rows.map((row, i) => timelineRow(row, top + i * rowHeight, x, end)),
        `<line x1="${x(now.getTime()).toFixed(1)}" y1="${top - 8}" x2="${x(now.getTime()).toFixed(1)}" y2="${height - 20}" stroke="#1565c0" stroke-width="2" stroke-dasharray="4 3"/>`,
        `<text x="${x(now.getTime()).toFixed(1)}" y="${height - 6}" text-anchor="middle" fill="#1565c0">${escapeXml(text.today)}</text>`,
        '</svg>',
    ];
    return parts.join('\n');
}

function timelineRow(row: TimelineRow, y: number, x: (time: number) => number, end: number): string {
    const from = x(row.createdOn?.getTime() ?? Number.NEGATIVE_INFINITY);
    const to = x(row.expiresOn?.getTime() ?? end);
    const colour = colours[row.tone];
    const bar =
        `<rect x="${from.toFixed(1)}" y="${y + 6}" width="${Math.max(2, to - from).toFixed(1)}" height="12" rx="3" fill="${colour}"` +
        (row.expiresOn ? '' : ' fill-opacity="0.35"') +
        '/>';
    return (
        `<g><title>${escapeXml(row.title)}</title>` +
        `<text x="10" y="${y + 16}" fill="#202020">${escapeXml(clip(row.label, 36))}</text>${bar}` +
        `<text x="${(to + 6).toFixed(1)}" y="${y + 16}" fill="${colour}">${escapeXml(row.endText)}</text></g>`
    );
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
