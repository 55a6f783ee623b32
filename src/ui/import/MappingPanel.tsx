/**
 * The column mapping of one file: the header row (and the file's first rows with it marked), what each
 * column holds, the indicator of a one-indicator wide table, the catalog id of each name the catalog does not
 * know (or a new indicator), then a preview of the normalised rows and their problems before anything loads.
 * The mapping can be downloaded as the JSON the CLI's --mapping reads.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../contract/problem-types';
import type { ColumnRole } from '../../contract/mapping';
import { recognisedRoles } from '../../contract/mapping-roles';
import { indicatorNames } from '../../contract/wide';
import type { IndicatorMeta } from '../../engine/schema';
import { downloadBlob } from '../../export/download';
import type { Lang } from '../../i18n';
import type { CheckInput, FileDetail } from '../../import/session';
import { ColumnRoles } from './ColumnRoles';
import { HeadTable } from './HeadTable';
import { IndicatorPicks } from './IndicatorPicks';
import * as D from './mapping-draft';
import { NewIndicatorForm } from './NewIndicatorForm';
import { PreviewTable } from './PreviewTable';
import { ProblemsTable } from './ProblemsTable';

interface Props {
  file: CheckInput;
  detail: FileDetail;
  report: FileReport;
  /** The file's first rows as read without a header row set (so rows above a chosen header stay shown). */
  baseHead: FileDetail['head'];
  indicators: readonly IndicatorMeta[];
  lang: Lang;
  busy: boolean;
  onCheck: (input: CheckInput) => Promise<void>;
  onLoad: (input: CheckInput, show: string[], changed: boolean) => Promise<void>;
  onClose: () => void;
}

type Target = { kind: 'indicator' } | { kind: 'name'; name: string };

/** The panel. */
export function MappingPanel(p: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { file, detail } = p;
  const [draft, setDraft] = useState<D.MappingDraft>(() => D.draftOf(file));
  const [defining, setDefining] = useState<Target | null>(null);
  const [show, setShow] = useState<string[]>([]);
  const head = detail.head;
  const headerNow = head ? head.firstRow + head.header : undefined;
  const [rowText, setRowText] = useState(String(draft.headerRow ?? headerNow ?? ''));

  const all = useMemo(() => {
    const ids = new Set(draft.defined.map((d) => d.id));
    return [...p.indicators.filter((i) => !ids.has(i.id)), ...draft.defined];
  }, [p.indicators, draft.defined]);
  const mapped = Object.fromEntries(
    Object.entries(draft.names).filter(([, v]) => v !== D.AUTO && v !== D.NEW_INDICATOR),
  );
  const recognised = recognisedRoles(detail.columns, indicatorNames(all, mapped), detail.titles ?? []);
  const roles = D.effectiveRoles(detail.columns, recognised.roles, draft);
  const wide = D.needsIndicator(roles);
  const build = (d: D.MappingDraft) =>
    D.inputWith(file, D.buildMapping(detail.columns, recognised.roles, d, file.sheet), d.defined);
  const input = build(draft);
  const changed = !D.sameInput(input, file);
  const unknown = [...new Set([...Object.keys(draft.names), ...(detail.preview?.unknownIndicators ?? [])])];
  const firstColumn = detail.firstColumn ?? 0;

  const change = (c: Partial<D.MappingDraft>) => setDraft((d) => ({ ...d, ...c }));
  const onRole = (header: string, role: ColumnRole | typeof D.AUTO) =>
    change({ roles: { ...draft.roles, [header]: role } });
  const onIndicator = (value: string) =>
    value === D.NEW_INDICATOR ? setDefining({ kind: 'indicator' }) : change({ indicator: value });
  const onName = (name: string, value: string) =>
    value === D.NEW_INDICATOR
      ? setDefining({ kind: 'name', name })
      : change({ names: { ...draft.names, [name]: value } });
  const onDefined = (meta: IndicatorMeta, on: boolean) => {
    const defined = [...draft.defined.filter((d) => d.id !== meta.id), meta];
    if (defining?.kind === 'name') change({ defined, names: { ...draft.names, [defining.name]: meta.id } });
    else change({ defined, indicator: meta.id });
    setShow((s) => [...s.filter((x) => x !== meta.id), ...(on ? [meta.id] : [])]);
    setDefining(null);
  };
  const readFromRow = () => {
    const n = Number(rowText);
    if (!Number.isInteger(n) || n < 1 || n === (draft.headerRow ?? headerNow)) return;
    const next = { ...draft, headerRow: n };
    setDraft(next);
    void p.onCheck(build(next));
  };
  const download = () => {
    const json = D.mappingJson(input.mapping ?? {});
    downloadBlob(new Blob([json], { type: 'application/json' }), `${file.name}.mapping.json`);
  };

  const shownHead = p.baseHead ?? head;
  const indicatorValue = draft.indicator !== D.AUTO ? draft.indicator : (recognised.indicator ?? D.AUTO);
  return (
    <section className="mapping" aria-labelledby={`${id}-title`} data-testid="mapping-panel">
      <h4 id={`${id}-title`}>
        {t('mapping.title')}: {file.name}
      </h4>
      {head && headerNow !== undefined && (
        <div className="mapping-field mapping-row">
          <label htmlFor={`${id}-row`}>{t('mapping.headerRow')}</label>
          <input
            id={`${id}-row`}
            type="number"
            inputMode="numeric"
            min={1}
            data-testid="mapping-header-row"
            aria-describedby={`${id}-row-hint`}
            value={rowText}
            disabled={p.busy}
            onChange={(e) => setRowText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && readFromRow()}
          />
          <button type="button" disabled={p.busy} onClick={readFromRow}>
            {t('mapping.readAgain')}
          </button>
          <p className="hint" id={`${id}-row-hint`}>
            {t('mapping.headerHint')}
          </p>
        </div>
      )}
      {shownHead && headerNow !== undefined && (
        <HeadTable file={file.name} head={shownHead} headerRow={headerNow} firstColumn={firstColumn} />
      )}
      <ColumnRoles
        columns={detail.columns}
        roles={roles}
        firstColumn={firstColumn}
        disabled={p.busy}
        onRole={onRole}
      />
      <IndicatorPicks
        lang={p.lang}
        indicators={all}
        wide={wide}
        indicator={indicatorValue}
        names={unknown.map((n) => [n, draft.names[n] ?? D.AUTO])}
        disabled={p.busy}
        onIndicator={onIndicator}
        onName={onName}
      />
      {defining && (
        <NewIndicatorForm
          name={defining.kind === 'name' ? defining.name : ''}
          suggestedId={defining.kind === 'name' ? D.idFrom(defining.name) : ''}
          taken={new Set(all.map((i) => i.id))}
          file={file.name}
          onAdd={onDefined}
          onCancel={() => setDefining(null)}
        />
      )}
      <div className="actions">
        <button
          type="button"
          data-testid="mapping-preview-button"
          disabled={p.busy}
          onClick={() => void p.onCheck(input)}
        >
          {t('mapping.preview')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="mapping-load"
          disabled={p.busy || (!changed && p.report.problems.some((x) => x.severity === 'error'))}
          onClick={() => void p.onLoad(input, show, changed)}
        >
          {t('mapping.load')}
        </button>
        <button type="button" data-testid="mapping-download" onClick={download}>
          {t('mapping.download')}
        </button>
        <button type="button" onClick={p.onClose}>
          {t('mapping.close')}
        </button>
      </div>
      <div role="status" aria-live="polite" className="hint">
        {p.busy ? t('mapping.busy') : changed ? t('mapping.changed') : ''}
      </div>
      {detail.preview && detail.preview.rows.length > 0 ? (
        <PreviewTable rows={detail.preview.rows} lang={p.lang} indicators={all} />
      ) : (
        <p className="hint">{t('mapping.previewNone')}</p>
      )}
      <h5>{t('mapping.problems')}</h5>
      {p.report.problems.length === 0 ? (
        <p>{t('mapping.noProblems')}</p>
      ) : (
        <ProblemsTable problems={p.report.problems} />
      )}
    </section>
  );
}
