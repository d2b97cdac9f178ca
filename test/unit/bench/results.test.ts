import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { formatResult, makeResult, writeResults } from '../../../bench/lib/results';
import { median, summarize } from '../../../bench/lib/stats';

describe('bench: results', () => {
    it('takes medians of odd and even samples', () => {
        assert.equal(median([3, 1, 2]), 2);
        assert.equal(median([4, 1, 3, 2]), 2.5);
        assert.throws(() => median([]));
        assert.deepEqual(summarize([5, 1, 9]), { runs: 3, median: 5, min: 1, max: 9 });
    });

    it('builds a result with every field of bench/results.json; ratio = value / baseline', () => {
        const result = makeResult({ name: 'tree-floor', unit: 'ms', samples: [400, 300, 350], baseline: 300, goal: '≤ 1.2× floor', met: true });
        assert.deepEqual(Object.keys(result).slice(0, 9), ['name', 'value', 'unit', 'baseline', 'ratio', 'runs', 'median', 'min', 'max']);
        assert.equal(result.value, 350, 'the median by default');
        assert.equal(result.ratio, 1.167);
        assert.deepEqual([result.runs, result.min, result.max], [3, 300, 400]);
    });

    it('keeps an explicit value and ratio, and null without a baseline', () => {
        const explicit = makeResult({ name: 'tree-vs-az', unit: 'x', samples: [30, 40], value: 35, ratio: 35 });
        assert.equal(explicit.value, 35);
        assert.equal(explicit.ratio, 35);
        assert.equal(explicit.baseline, null);
        const none = makeResult({ name: 'bundle', unit: 'MB', samples: [1.5] });
        assert.equal(none.ratio, null);
        assert.match(formatResult(none), /^bundle: 1\.5 MB \| runs 1 median 1\.5 min 1\.5 max 1\.5$/);
        assert.match(formatResult(makeResult({ name: 'x', unit: 'ms', samples: [10], goal: '< 5 ms', met: false })), /goal < 5 ms: MISSED$/);
    });

    it('writes the results file as JSON with the machine and date', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'bench-results-'));
        try {
            const file = path.join(dir, 'nested', 'results.json');
            const results = [makeResult({ name: 'a', unit: 'ms', samples: [1, 2, 3] })];
            writeResults(file, {
                date: '2026-01-01T00:00:00.000Z',
                quick: true,
                machine: { cpus: 2, cpuModel: 'cpu', memoryGb: 8, node: 'v20', platform: 'Linux', loadAverage: [0, 0, 0] },
                results,
            });
            const written = JSON.parse(readFileSync(file, 'utf8')) as { results: unknown[]; machine: { cpus: number } };
            assert.deepEqual(written.results, results);
            assert.equal(written.machine.cpus, 2);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
