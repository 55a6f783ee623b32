/**
 * The import panel's session: check a drop of files, check one of them again (another sheet, header row or
 * column mapping; one at a time, always on the latest batch), load or cancel. Column mappings are
 * remembered per header signature when a file is loaded with one, and applied to the next file shaped alike.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { headerSignature } from '../../contract/mapping-roles';
import { recallMapping, rememberMapping, forgetMappings } from '../../import/mapping-memory';
import { clearSavedFiles, saveFiles } from '../../import/persist';
import type { CheckedBatch, CheckInput, FileDetail, FileStage } from '../../import/session';
import type { Importer } from '../../import/start-browser';

/** What the panel shows. */
export type Phase =
  | { step: 'idle'; message?: string }
  | { step: 'checking'; done: number; total: number; file: string; stage?: FileStage }
  | {
      step: 'report';
      batch: CheckedBatch;
      files: CheckInput[];
      /** Each file's first rows as read without a header row set. */
      heads: Record<string, FileDetail['head']>;
      /** Each file's header signature as first read. */
      signatures: Record<string, string>;
      /** Files read with a mapping remembered from before. */
      remembered: string[];
    };
type Report = Extract<Phase, { step: 'report' }>;

async function toInputs(list: readonly File[]): Promise<CheckInput[]> {
  return Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

function headsOf(batch: CheckedBatch, files: readonly CheckInput[], before: Report['heads']) {
  const heads = { ...before };
  for (const f of files)
    if (f.headerRow === undefined && batch.details[f.name]?.head) heads[f.name] = batch.details[f.name]!.head;
  return heads;
}

/** The import session; `onLoaded` runs once a batch is loaded, `onShow` with an indicator to show. */
export function useImport(
  importer: Importer,
  keep: boolean,
  onLoaded: (batch: CheckedBatch, files: CheckInput[]) => Promise<void>,
  onShow?: (id: string) => void,
) {
  const { t } = useTranslation();
  const [phase, setPhaseState] = useState<Phase>({ step: 'idle' });
  const [busy, setBusy] = useState(false);
  const current = useRef<Phase>(phase);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const setPhase = (p: Phase) => {
    current.current = p;
    setPhaseState(p);
  };
  /** Runs `job` after the jobs before it, with the busy flag up. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = chain.current.then(async () => {
      setBusy(true);
      try {
        return await job();
      } finally {
        setBusy(false);
      }
    });
    chain.current = run.catch(() => undefined);
    return run;
  };

  const recheckNow = async (input: CheckInput): Promise<Report | null> => {
    const cur = current.current;
    if (cur.step !== 'report') return null;
    const batch = await importer.recheck(cur.batch, input);
    const files = cur.files.map((f) => (f.name === input.name ? input : f));
    const next: Report = { ...cur, batch, files, heads: headsOf(batch, [input], cur.heads) };
    setPhase(next);
    return next;
  };
  const recheck = (input: CheckInput) => serial(() => recheckNow(input));

  const check = (list: FileList | File[]) =>
    serial(async () => {
      if (list.length === 0) return;
      // Files too large for the tab are refused by their size, before a byte is read into memory (the
      // limit's module, with the problem texts, loads with the first files: not on the first screen).
      const { DEFAULT_LIMITS, tooLargeProblem } = await import('../../import/limits');
      const max = DEFAULT_LIMITS.maxBytes;
      const all = [...list];
      const files = await toInputs(all.filter((f) => f.size <= max));
      setPhase({ step: 'checking', done: 0, total: all.length, file: all[0]!.name });
      const batch = await importer.check(files, (done, total, file, stage) =>
        setPhase({ step: 'checking', done, total, file, ...(stage ? { stage } : {}) }),
      );
      for (const f of all.filter((x) => x.size > max)) {
        const problems = [tooLargeProblem(f.name, f.size, max)];
        batch.reports.push({ file: f.name, bytes: f.size, kind: null, rows: 0, problems });
        batch.ok = false;
      }
      const signatures: Record<string, string> = {};
      for (const f of files) {
        const columns = batch.details[f.name]?.columns ?? [];
        if (columns.length > 0) signatures[f.name] = headerSignature(columns);
      }
      setPhase({
        step: 'report',
        batch,
        files,
        heads: headsOf(batch, files, {}),
        signatures,
        remembered: [],
      });
      // A file shaped like one mapped before is read with that mapping.
      for (const f of files) {
        const sig = signatures[f.name];
        const entry = sig ? await recallMapping(sig) : undefined;
        if (!entry) continue;
        const m = entry.mapping;
        const next = await recheckNow({
          name: f.name,
          bytes: f.bytes,
          mapping: m,
          ...(m.sheet !== undefined ? { sheet: m.sheet } : {}),
          ...(m.headerRow !== undefined ? { headerRow: m.headerRow } : {}),
          ...(entry.indicators?.length ? { indicators: entry.indicators } : {}),
        });
        if (next) setPhase({ ...next, remembered: [...next.remembered, f.name] });
      }
    });

  const loadNow = async (cur: Report, show: readonly string[] = []) => {
    const rows = cur.batch.reports.reduce((sum, r) => sum + r.rows, 0);
    const file = cur.files.map((f) => f.name).join(', ');
    setPhase({ step: 'checking', done: 0, total: 1, file, stage: { stage: 'committing', rows } });
    try {
      await importer.apply(cur.batch);
    } catch (err) {
      setPhase(cur);
      throw err;
    }
    if (keep) await saveFiles(cur.files);
    for (const f of cur.files) {
      const sig = cur.signatures[f.name];
      if (sig && f.mapping)
        await rememberMapping(
          sig,
          { mapping: f.mapping, ...(f.indicators ? { indicators: f.indicators } : {}) },
          keep,
        );
    }
    await onLoaded(cur.batch, cur.files);
    setPhase({
      step: 'idle',
      message: t('import.loaded', { files: cur.files.map((f) => f.name).join(', ') }),
    });
    const shown = show.find((id) => cur.batch.indicators.some((i) => i.id === id));
    if (shown) onShow?.(shown);
  };
  const load = () =>
    serial(async () => {
      const cur = current.current;
      if (cur.step === 'report' && cur.batch.ok) await loadNow(cur);
    });
  /** Checks `input` again when it differs from what was checked, then loads the batch if it can be. */
  const loadWith = (input: CheckInput, show: string[], changed: boolean) =>
    serial(async () => {
      const cur = changed ? await recheckNow(input) : current.current;
      if (cur && cur.step === 'report' && cur.batch.ok) await loadNow(cur, show);
    });
  const cancel = () =>
    serial(async () => {
      const cur = current.current;
      if (cur.step === 'report') await importer.discard(cur.batch);
      setPhase({ step: 'idle' });
    });
  const clear = () =>
    serial(async () => {
      await clearSavedFiles();
      forgetMappings();
      const cur = current.current;
      if (cur.step === 'report') await importer.discard(cur.batch);
      setPhase({ step: 'idle', message: t('import.cleared') });
    });
  return { phase, busy, check, recheck, load, loadWith, cancel, clear };
}
