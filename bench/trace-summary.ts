/**
 * Reads a Chromium performance trace (the JSON of `browser.startTracing` with the V8 sampling profiler on)
 * and says where the page's main thread spent its long tasks: each task over 50 ms, and over all of them the
 * time by script (the bundle file, or V8's "(program)" / "(garbage collector)") and by function, from the
 * profiler's samples. Pure: the trace in, a summary out (bench/trace.ts writes it next to the trace).
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: number;
}

/** One long task of the main thread. */
export interface LongTask {
  /** Start, ms after navigation start. */
  startMs: number;
  durMs: number;
  /** The functions with the most sampled time inside it, with ms. */
  top: [string, number][];
}

/** What the trace says. */
export interface TraceSummary {
  /** Main-thread tasks over 50 ms, in order. */
  longTasks: LongTask[];
  /** Sum over long tasks of (duration − 50 ms): Lighthouse's total blocking time, over the whole trace. */
  blockingMs: number;
  /** Sampled time inside long tasks by script file, descending. */
  byScript: [string, number][];
  /** Sampled time inside long tasks by function (name, file:line), descending, the first 25. */
  byFunction: [string, number][];
  /** User Timing marks (atlas:*) in ms after navigation start. */
  marks: Record<string, number>;
}

const LONG_MS = 50;

function fileOf(url: string): string {
  if (!url) return '';
  const path = url.split('?')[0]!.split('/');
  return path[path.length - 1] ?? url;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  return url ? `${name} ${fileOf(url)}:${lineNumber + 1}` : name;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const sorted = (m: Map<string, number>, n = Infinity): [string, number][] =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => [k, Math.round(v)]);

/** Summarises the trace `events` (its `traceEvents`). */
export function summariseTrace(events: readonly TraceEvent[]): TraceSummary {
  // The page's main thread: the renderer main thread that holds the app's marks (other renderers, such as
  // the browser's own WebUI pages, are in the trace too).
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const marked = (m: TraceEvent) =>
    events.some((e) => e.pid === m.pid && e.tid === m.tid && e.name.startsWith('atlas:'));
  const main = mains.find(marked) ?? mains[0];
  if (!main) throw new Error('the trace has no renderer main thread (CrRendererMain)');
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === main.pid);
  const origin = nav?.ts ?? Math.min(...events.filter(onMain).map((e) => e.ts));
  const tasks = events
    .filter((e) => onMain(e) && e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) / 1000 > LONG_MS)
    .sort((a, b) => a.ts - b.ts);

  // The sampling profiler's samples of the main thread: (time, leaf node).
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const profile = events.find((e) => e.name === 'Profile' && onMain(e));
  if (profile) {
    let ts = profile.args?.data?.startTime ?? profile.ts;
    // Profile ids are per process: the chunks of this profile are those of its process and id.
    const chunks = events.filter(
      (e) => e.name === 'ProfileChunk' && e.pid === profile.pid && e.id === profile.id,
    );
    for (const chunk of chunks) {
      const data = chunk.args?.data;
      for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      ids.forEach((id, i) => {
        ts += deltas[i] ?? 0;
        samples.push({ ts, node: id });
      });
    }
    samples.sort((a, b) => a.ts - b.ts);
  }

  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const longTasks: LongTask[] = [];
  let s = 0;
  for (const t of tasks) {
    const end = t.ts + t.dur!;
    const own = new Map<string, number>();
    while (s < samples.length && samples[s]!.ts < t.ts) s++;
    for (let i = s; i < samples.length && samples[i]!.ts < end; i++) {
      const next = samples[i + 1]?.ts ?? end;
      const ms = (Math.min(next, end) - samples[i]!.ts) / 1000;
      const node = nodes.get(samples[i]!.node);
      if (!node) continue;
      const name = label(node);
      add(own, name, ms);
      add(byFunction, name, ms);
      add(byScript, fileOf(node.callFrame.url) || node.callFrame.functionName || '(unknown)', ms);
    }
    longTasks.push({
      startMs: Math.round((t.ts - origin) / 1000),
      durMs: Math.round(t.dur! / 1000),
      top: sorted(own, 3),
    });
  }
  const marks: Record<string, number> = {};
  for (const e of events) {
    if (onMain(e) && e.name.startsWith('atlas:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n')) {
      marks[e.name] ??= Math.round((e.ts - origin) / 1000);
    }
  }
  return {
    longTasks,
    blockingMs: Math.round(longTasks.reduce((sum, t) => sum + Math.max(0, t.durMs - LONG_MS), 0)),
    byScript: sorted(byScript),
    byFunction: sorted(byFunction, 25),
    marks,
  };
}

/** The summary as Markdown. */
export function traceMarkdown(title: string, s: TraceSummary): string {
  const lines = [`# ${title}`, ''];
  lines.push(
    `Main-thread tasks over 50 ms: ${s.longTasks.length}, ${s.longTasks.reduce((a, t) => a + t.durMs, 0)} ms in all; blocking time (each task's time over 50 ms) ${s.blockingMs} ms.`,
    '',
  );
  if (Object.keys(s.marks).length) {
    lines.push(
      'Marks: ' +
        Object.entries(s.marks)
          .map(([k, v]) => `${k} ${v} ms`)
          .join(', ') +
        '.',
      '',
    );
  }
  lines.push('## Long tasks', '', '| start (ms) | ms | where (sampled ms) |', '| ---: | ---: | --- |');
  for (const t of s.longTasks) {
    lines.push(`| ${t.startMs} | ${t.durMs} | ${t.top.map(([f, ms]) => `${f} (${ms})`).join('; ')} |`);
  }
  lines.push('', '## Time in long tasks by script', '', '| script | ms |', '| --- | ---: |');
  for (const [f, ms] of s.byScript) lines.push(`| ${f} | ${ms} |`);
  lines.push('', '## By function (first 25)', '', '| function | ms |', '| --- | ---: |');
  for (const [f, ms] of s.byFunction) lines.push(`| ${f} | ${ms} |`);
  return lines.join('\n') + '\n';
}
