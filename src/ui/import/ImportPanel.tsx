/**
 * Bring your own data: drop or pick files, read the report, then load or cancel. A rejected file never
 * changes what is loaded. A workbook's sheet can be chosen, and a table's columns mapped (with a preview of
 * the rows as they would load). Saving to this browser is opt-in, and "clear all local data" is always at hand.
 */
import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../contract/problem-types';
import type { IndicatorMeta } from '../../engine/schema';
import { toLang } from '../../i18n';
import type { CheckedBatch, CheckInput } from '../../import/session';
import type { Importer } from '../../import/start-browser';
import { CheckProgress } from './CheckProgress';
import { MappingPanel } from './MappingPanel';
import { ReportView } from './ReportView';
import { hasSheetChoice, SheetChooser } from './SheetChooser';
import { useImport, type Phase } from './useImport';
import './mapping.css';

interface Props {
  importer: Importer;
  /** The catalog's indicators, for the column mapping's indicator selects. */
  indicators: readonly IndicatorMeta[];
  /** Called after a batch is loaded; returns once the views know. */
  onLoaded: (batch: CheckedBatch, files: CheckInput[]) => Promise<void>;
  /** Shows an indicator on the map (a new indicator the user asked to see once loaded). */
  onShow?: (id: string) => void;
  /** What is loaded already (which indicators are the user's, which the demo's), shown at the top. */
  note?: ReactNode;
}

const ACCEPT = '.csv,.txt,.parquet,.geojson,.json,.xlsx,.xlsm,.xls,.ods';

/** Codes that mean the Atlas could not read the table by itself: the column mapping is offered. */
const UNREAD = new Set(['unknown-table', 'missing-column']);

type Report = Extract<Phase, { step: 'report' }>;

/** One file's report with its sheet chooser and column mapping. */
function FileTools(props: {
  report: FileReport;
  phase: Report;
  open: boolean;
  busy: boolean;
  indicators: readonly IndicatorMeta[];
  onOpen: (open: boolean) => void;
  recheck: (input: CheckInput) => Promise<unknown>;
  loadWith: (input: CheckInput, show: string[], changed: boolean) => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const panelId = useId();
  const { report: r, phase } = props;
  const detail = phase.batch.details[r.file];
  const file = phase.files.find((f) => f.name === r.file);
  const table = !!detail && !!file && detail.columns.length > 0 && detail.format !== 'geojson';
  const offer = r.problems.some((p) => UNREAD.has(p.code));
  const open = props.open && table;
  return (
    <ReportView report={r} sheet={detail?.sheets ? detail.sheet : undefined} problems={!open}>
      {detail && file && hasSheetChoice(detail.sheets) && (
        <SheetChooser
          sheets={detail.sheets!}
          sheet={detail.sheet}
          disabled={props.busy}
          onSheet={(sheet) => void props.recheck({ name: file.name, bytes: file.bytes, sheet })}
        />
      )}
      {phase.remembered.includes(r.file) && <p className="hint">{t('mapping.remembered')}</p>}
      {table && offer && !open && <p className="hint">{t('mapping.offer')}</p>}
      {table && (
        <button
          type="button"
          data-testid="mapping-open"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => props.onOpen(!open)}
        >
          {t('mapping.open')}
        </button>
      )}
      <div id={panelId}>
        {open && (
          <MappingPanel
            key={`${r.file}:${detail.sheet ?? ''}`}
            file={file}
            detail={detail}
            report={r}
            baseHead={phase.heads[r.file]}
            indicators={props.indicators}
            lang={toLang(i18n.resolvedLanguage)}
            busy={props.busy}
            onCheck={async (input) => void (await props.recheck(input))}
            onLoad={async (input, show, changed) => void (await props.loadWith(input, show, changed))}
            onClose={() => props.onOpen(false)}
          />
        )}
      </div>
    </ReportView>
  );
}

/** The import panel (inside a <details> so it stays out of the way until wanted). */
export function ImportPanel({ importer, indicators, onLoaded, onShow, note }: Props) {
  const { t } = useTranslation();
  const [keep, setKeep] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const session = useImport(importer, keep, onLoaded, onShow);
  const { phase, busy } = session;
  const check = (files: File[]) => {
    setOpen(null);
    void session.check(files);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    check([...e.dataTransfer.files]);
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
        accept={ACCEPT}
        className="sr-only"
        aria-label={t('import.choose')}
        data-testid="import-files"
        onChange={(e) => {
          // Emptied once read, so that picking the same file again (after editing it) checks it again.
          if (e.target.files) check([...e.target.files]);
          e.target.value = '';
        }}
      />
      <label className="keep">
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />{' '}
        {t('import.keep')}
      </label>
      <button type="button" onClick={() => void session.clear()}>
        {t('import.clear')}
      </button>
      <div role="status" aria-live="polite" data-testid="import-status">
        {phase.step === 'idle' && phase.message}
        {phase.step === 'checking' && <CheckProgress {...phase} />}
      </div>
      {phase.step === 'report' && (
        <div className="reports">
          <p>
            {t('import.summary', { count: phase.batch.reports.length })}.{' '}
            {!phase.batch.ok ? t('import.errors') : hasWarnings ? t('import.warnings') : ''}
          </p>
          {phase.batch.reports.map((r) => (
            <FileTools
              key={r.file}
              report={r}
              phase={phase}
              open={open === r.file}
              busy={busy}
              indicators={indicators}
              onOpen={(o) => setOpen(o ? r.file : null)}
              recheck={session.recheck}
              loadWith={session.loadWith}
            />
          ))}
          <div className="actions">
            {phase.batch.ok && (
              <button
                type="button"
                data-testid="import-load"
                disabled={busy}
                onClick={() => void session.load()}
              >
                {hasWarnings ? t('import.loadAnyway') : t('import.load')}
              </button>
            )}
            <button
              type="button"
              data-testid="import-cancel"
              disabled={busy}
              onClick={() => void session.cancel()}
            >
              {phase.batch.ok ? t('import.cancel') : t('import.close')}
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
