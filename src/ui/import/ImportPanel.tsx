/**
 * Bring your own data: drop or pick files, read the report, then load or cancel. A rejected file never
 * changes what is loaded. Saving to this browser is opt-in, and "clear all local data" is always at hand.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LIMITS, tooLargeProblem } from '../../import/limits';
import type { ReadInput } from '../../import/read-types';
import type { CheckedBatch } from '../../import/session';
import { clearSavedFiles, saveFiles } from '../../import/persist';
import type { Importer } from '../../import/start-browser';
import { ReportView } from './ReportView';

interface Props {
  importer: Importer;
  /** Called after a batch is loaded; returns once the views know. */
  onLoaded: (batch: CheckedBatch, files: ReadInput[]) => Promise<void>;
  /** What is loaded already (which indicators are the user's, which the demo's), shown at the top. */
  note?: ReactNode;
}

type Phase =
  | { step: 'idle'; message?: string }
  | { step: 'checking'; done: number; total: number; file: string }
  | { step: 'report'; batch: CheckedBatch; files: ReadInput[] };

async function toInputs(list: FileList | File[]): Promise<ReadInput[]> {
  return Promise.all(
    [...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** The import panel (inside a <details> so it stays out of the way until wanted). */
export function ImportPanel({ importer, onLoaded, note }: Props) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [keep, setKeep] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const check = async (list: FileList | File[]) => {
    if (list.length === 0) return;
    // Files too large for the tab are refused by their size, before a byte is read into memory.
    const max = DEFAULT_LIMITS.maxBytes;
    const all = [...list];
    const files = await toInputs(all.filter((f) => f.size <= max));
    setPhase({ step: 'checking', done: 0, total: all.length, file: all[0]!.name });
    const batch = await importer.check(files, (done, total, file) =>
      setPhase({ step: 'checking', done, total, file }),
    );
    for (const f of all.filter((x) => x.size > max)) {
      const problems = [tooLargeProblem(f.name, f.size, max)];
      batch.reports.push({ file: f.name, bytes: f.size, kind: null, rows: 0, problems });
      batch.ok = false;
    }
    setPhase({ step: 'report', batch, files });
  };
  const load = async (batch: CheckedBatch, files: ReadInput[]) => {
    await importer.apply(batch);
    if (keep) await saveFiles(files);
    await onLoaded(batch, files);
    setPhase({ step: 'idle', message: t('import.loaded', { files: files.map((f) => f.name).join(', ') }) });
  };
  const cancel = async (batch: CheckedBatch) => {
    await importer.discard(batch);
    setPhase({ step: 'idle' });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void check(e.dataTransfer.files);
  };

  const hasWarnings = phase.step === 'report' && phase.batch.reports.some((r) => r.problems.length > 0);
  return (
    <details className="import">
      <summary data-testid="import-open">{t('import.open')}</summary>
      <p className="hint">{t('import.intro')}</p>
      {note}
      <div
        className="dropzone"
        role="button"
        tabIndex={0}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        onClick={() => picker.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && picker.current?.click()}
      >
        {t('import.drop')}
      </div>
      <input
        ref={picker}
        type="file"
        multiple
        accept=".csv,.txt,.parquet,.geojson,.json"
        className="sr-only"
        aria-label={t('import.choose')}
        data-testid="import-files"
        onChange={(e) => e.target.files && void check(e.target.files)}
      />
      <label className="keep">
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />{' '}
        {t('import.keep')}
      </label>
      <button
        type="button"
        onClick={() =>
          void clearSavedFiles().then(() => setPhase({ step: 'idle', message: t('import.cleared') }))
        }
      >
        {t('import.clear')}
      </button>
      <div role="status" aria-live="polite" data-testid="import-status">
        {phase.step === 'idle' && phase.message}
        {phase.step === 'checking' &&
          t('import.checking', { file: phase.file, done: phase.done + 1, total: phase.total })}
      </div>
      {phase.step === 'report' && (
        <div className="reports">
          <p>
            {t('import.summary', { count: phase.batch.reports.length })}.{' '}
            {!phase.batch.ok ? t('import.errors') : hasWarnings ? t('import.warnings') : ''}
          </p>
          {phase.batch.reports.map((r) => (
            <ReportView key={r.file} report={r} />
          ))}
          <div className="actions">
            {phase.batch.ok && (
              <button
                type="button"
                data-testid="import-load"
                onClick={() => void load(phase.batch, phase.files)}
              >
                {hasWarnings ? t('import.loadAnyway') : t('import.load')}
              </button>
            )}
            <button type="button" data-testid="import-cancel" onClick={() => void cancel(phase.batch)}>
              {phase.batch.ok ? t('import.cancel') : t('import.close')}
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
