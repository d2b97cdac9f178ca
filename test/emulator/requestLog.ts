export interface LoggedRequest {
    seq: number;
    time: string;
    method: string;
    host: string;
    path: string;
    query: Record<string, string>;
    status: number;
    durationMs: number;
}

const CAPACITY = 100_000;

/** The request log behind `GET /_emulator/requests` (bounded; oldest entries are dropped). */
export class RequestLog {
    private entries: LoggedRequest[] = [];
    private seq = 0;

    add(entry: Omit<LoggedRequest, 'seq'>): void {
        this.entries.push({ seq: ++this.seq, ...entry });
        if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
    }
    since(seq: number): LoggedRequest[] {
        return this.entries.filter((e) => e.seq > seq);
    }
    clear(): void {
        this.entries = [];
    }
    get lastSeq(): number {
        return this.seq;
    }
}
