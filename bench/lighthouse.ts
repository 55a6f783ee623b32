/**
 * Lighthouse (12.2.3, the version the registry serves for Node 20) on the production build, in the same
 * Chromium as the other browser runs (SwiftShader WebGL, bench/../e2e/browser.ts flags), with its desktop
 * preset and its default mobile preset (simulated slow 4G and a 4x slower CPU). Each run is a first visit
 * (Lighthouse clears the origin's storage). Reported: the performance score and the metrics it is made of.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config } from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { summarize, type Summary } from './stats';

/** The presets run. */
export type Preset = 'desktop' | 'mobile';

/** One Lighthouse run's figures (ms, score 0..1). */
export interface LighthouseRun {
  preset: Preset;
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  tti: number;
  si: number;
  cls: number;
  /** The element Lighthouse took for the largest contentful paint. */
  lcpElement: string | null;
}

/** Medians and p95 of each figure, per preset. */
export interface LighthouseResult {
  version: string;
  runs: LighthouseRun[];
  summary: Record<Preset, Record<'score' | 'fcp' | 'lcp' | 'tbt' | 'tti' | 'si' | 'cls', Summary>>;
}

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  tti: 'interactive',
  si: 'speed-index',
  cls: 'cumulative-layout-shift',
} as const;

interface Lhr {
  lighthouseVersion: string;
  categories: { performance?: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { items?: { node?: { snippet?: string } }[] } }>;
  runtimeError?: { message: string };
}

function figures(preset: Preset, lhr: Lhr): LighthouseRun {
  if (lhr.runtimeError) throw new Error(`Lighthouse (${preset}): ${lhr.runtimeError.message}`);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const lcpItem = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0];
  const snippet = (lcpItem as { items?: { node?: { snippet?: string } }[] } | undefined)?.items?.[0]?.node
    ?.snippet;
  return {
    preset,
    score: lhr.categories.performance?.score ?? NaN,
    fcp: value(METRICS.fcp),
    lcp: value(METRICS.lcp),
    tbt: value(METRICS.tbt),
    tti: value(METRICS.tti),
    si: value(METRICS.si),
    cls: value(METRICS.cls),
    lcpElement: snippet ?? lcpItem?.node?.snippet ?? null,
  };
}

/** Runs Lighthouse `runs` times per preset on `url` (alternating presets). */
export async function lighthouseRuns(
  url: string,
  runs: number,
  log: (line: string) => void,
): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS.map((a) => (a === '--headless' ? '--headless=new' : a)),
  });
  const out: LighthouseRun[] = [];
  let version = '';
  try {
    for (let i = 0; i < runs; i++) {
      for (const preset of ['desktop', 'mobile'] as const) {
        const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
        const result = await lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
          config,
        );
        if (!result) throw new Error('Lighthouse returned nothing');
        const lhr = result.lhr as unknown as Lhr;
        version = lhr.lighthouseVersion;
        const run = figures(preset, lhr);
        out.push(run);
        log(
          `  lighthouse ${preset} ${i + 1}/${runs}: score ${run.score.toFixed(2)}, TBT ${Math.round(run.tbt)} ms, LCP ${Math.round(run.lcp)} ms, FCP ${Math.round(run.fcp)} ms`,
        );
      }
    }
  } finally {
    chrome.kill();
  }
  const of = (preset: Preset) => {
    const rs = out.filter((r) => r.preset === preset);
    const s = (k: keyof typeof METRICS | 'score') => summarize(rs.map((r) => r[k]));
    return {
      score: s('score'),
      fcp: s('fcp'),
      lcp: s('lcp'),
      tbt: s('tbt'),
      tti: s('tti'),
      si: s('si'),
      cls: s('cls'),
    };
  };
  return { version, runs: out, summary: { desktop: of('desktop'), mobile: of('mobile') } };
}
