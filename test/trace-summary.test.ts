/** bench/trace-summary.ts on a hand-made trace: the page's thread is found by its marks, samples land in their task. */
import { describe, expect, it } from 'vitest';
import { summariseTrace } from '../bench/trace-summary';

const node = (id: number, functionName: string, url: string, parent?: number) => ({
  id,
  callFrame: { functionName, url, lineNumber: 9, columnNumber: 0 },
  ...(parent ? { parent } : {}),
});

describe('summariseTrace', () => {
  it('attributes the sampled time of each long task of the page, not of another renderer', () => {
    const events = [
      // Another renderer (a browser page) first, with a profile of the same id.
      { name: 'thread_name', ph: 'M', pid: 9, tid: 1, ts: 0, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', pid: 2, tid: 1, ts: 0, args: { name: 'CrRendererMain' } },
      { name: 'navigationStart', ph: 'R', pid: 2, tid: 1, ts: 1_000_000 },
      { name: 'atlas:first-choropleth', ph: 'R', pid: 2, tid: 1, ts: 1_500_000 },
      { name: 'RunTask', ph: 'X', pid: 2, tid: 1, ts: 2_000_000, dur: 120_000 },
      { name: 'RunTask', ph: 'X', pid: 2, tid: 1, ts: 3_000_000, dur: 30_000 },
      { name: 'RunTask', ph: 'X', pid: 9, tid: 1, ts: 2_000_000, dur: 500_000 },
      {
        name: 'Profile',
        ph: 'P',
        pid: 2,
        tid: 1,
        ts: 1_900_000,
        id: '0x1',
        args: { data: { startTime: 1_900_000 } },
      },
      {
        name: 'ProfileChunk',
        ph: 'P',
        pid: 2,
        tid: 5,
        ts: 2_200_000,
        id: '0x1',
        args: {
          data: {
            cpuProfile: {
              nodes: [node(1, '(root)', ''), node(2, 'compile', 'http://x/assets/Map-abc.js?v=1', 1)],
              samples: [2, 2, 1],
            },
            // Samples at 2.0, 2.08 and 2.2 s: the first two inside the long task.
            timeDeltas: [100_000, 80_000, 120_000],
          },
        },
      },
      {
        name: 'ProfileChunk',
        ph: 'P',
        pid: 9,
        tid: 5,
        ts: 2_200_000,
        id: '0x1',
        args: { data: { cpuProfile: { nodes: [node(2, 'webui', 'chrome://x/y.js', 1)], samples: [] } } },
      },
    ];
    const s = summariseTrace(events);
    expect(s.longTasks).toHaveLength(1);
    expect(s.longTasks[0]).toMatchObject({ startMs: 1000, durMs: 120 });
    expect(s.blockingMs).toBe(70);
    expect(s.marks).toEqual({ 'atlas:first-choropleth': 500 });
    // 80 ms to the next sample, then 40 ms to the task's end.
    expect(s.byScript).toEqual([['Map-abc.js', 120]]);
    expect(s.byFunction[0]).toEqual(['compile Map-abc.js:10', 120]);
  });
});
