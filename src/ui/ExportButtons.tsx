/**
 * "Download map (PNG)" and "Download table (CSV)" for any map view (indicator map, coverage, planner): the
 * view says what to draw and what to tabulate, this renders and saves it and says how it went.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, downloadCsv } from '../export/download';
import { renderMapPng, type MapPngSpec } from '../export/png';

/** What a view hands the export buttons; both functions are called only when a button is pressed. */
export interface ExportButtonsProps {
  /** The map image to draw and its file name. */
  png: () => { fileName: string; spec: MapPngSpec };
  /** The table as CSV text (suppression already applied) and its file name. */
  csv: () => { fileName: string; csv: string };
  /** True while there is nothing to export yet. */
  disabled?: boolean;
  /** Accessible name of the button group. */
  label?: string;
}

/** Two download buttons and a polite status line. */
export function ExportButtons({ png, csv, disabled = false, label }: ExportButtonsProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const savePng = async () => {
    const { fileName, spec } = png();
    setBusy(true);
    setStatus(t('export.working', { file: fileName }));
    try {
      downloadBlob(await renderMapPng(spec), fileName);
      setStatus(t('export.saved', { file: fileName }));
    } catch (err) {
      setStatus(
        t('export.failed', { file: fileName, message: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setBusy(false);
    }
  };
  const saveCsv = () => {
    const { fileName, csv: text } = csv();
    try {
      downloadCsv(text, fileName);
      setStatus(t('export.saved', { file: fileName }));
    } catch (err) {
      setStatus(
        t('export.failed', { file: fileName, message: err instanceof Error ? err.message : String(err) }),
      );
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label={label ?? t('export.group')}>
      <button
        type="button"
        data-testid="export-png"
        disabled={disabled || busy}
        onClick={() => void savePng()}
      >
        {t('export.png')}
      </button>
      <button type="button" data-testid="export-csv" disabled={disabled} onClick={saveCsv}>
        {t('export.csv')}
      </button>
      <span className="hint" role="status" data-testid="export-status">
        {status}
      </span>
    </div>
  );
}
