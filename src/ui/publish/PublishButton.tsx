/**
 * "Publish these data": the same static site `atlas publish` writes, as a zip the browser saves. Shown only
 * once the user's own values are loaded; the site holds them alone, suppressed at source at the view's k
 * (never below 5). The zip's code (fflate, the site's files) loads on the first press, not with the app.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, fileSlug } from '../../export/download';
import type { Catalog } from '../../engine/schema';
import { MIN_SERVED_K } from '../../engine/serve/served-types';
import type { Importer } from '../../import/start-browser';
import type { PublishSources } from './usePublishSources';

interface Props {
  importer: Importer;
  /** The catalog the user's data was loaded over. */
  base: Catalog;
  sources: PublishSources;
  /** Table kinds of the user's loaded files. */
  kinds: readonly string[];
  /** The view's small-count threshold. */
  k: number;
  lang: 'en' | 'sq';
}

/** The button and a polite status line. */
export function PublishButton({ importer, base, sources, kinds, k, lang }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const served = Math.max(k, MIN_SERVED_K);

  const publish = async () => {
    setBusy(true);
    setStatus(t('export.publish.working'));
    try {
      const publication = await importer.publishData({
        base,
        extra: sources.extra,
        kinds: new Set(kinds),
        k: served,
        lang,
        files: sources.inputs.map((i) => i.file),
      });
      const fileName = `${fileSlug(publication.title)}-site.zip`;
      const { siteZip } = await import('../../export/site-zip');
      const { bytes, files } = await siteZip({ publication, lang, inputs: sources.inputs });
      downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
      const mb = (bytes.length / 1e6).toFixed(1);
      setStatus(t('export.publish.saved', { file: fileName, files, mb }));
    } catch (err) {
      setStatus(t('export.publish.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="publish" aria-labelledby="publish-title">
      <p className="hint" id="publish-title">
        {t('export.publish.hint', { k: served })}
      </p>
      <button type="button" data-testid="publish-zip" disabled={busy} onClick={() => void publish()}>
        {t('export.publish.button')}
      </button>
      <p role="status" aria-live="polite" data-testid="publish-status">
        {status}
      </p>
    </section>
  );
}
