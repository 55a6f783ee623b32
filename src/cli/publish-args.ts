/**
 * `atlas publish <file>... --out <dir> [--k <n>] [--title <text>] [--lang sq|en] [--mapping <m.json>]
 * [--sheet <name|number>] [--json]`, parsed. A threshold below the served minimum is a usage error.
 */
import { DEFAULT_K } from '../analysis/suppression';
import { MIN_SERVED_K } from '../engine/serve/served-files';
import type { Lang } from '../i18n/numbers';
import { parseArgs, parseLang, UsageError, type ReadOptions } from './args';

/** What `publish` was asked to do. */
export interface PublishArgs {
  files: string[];
  out: string;
  k: number;
  title?: string;
  lang: Lang;
  json: boolean;
  read: ReadOptions;
}

/** Parses the arguments after `publish`; throws UsageError. */
export function parsePublishArgs(argv: readonly string[]): PublishArgs {
  // --title and --lang are publish's own; the rest is the import's command line.
  const rest: string[] = [];
  let title: string | undefined;
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const own = /^--(title|lang)(?:=(.*))?$/.exec(arg);
    if (!own) {
      rest.push(arg);
      continue;
    }
    const value = own[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`option --${own[1]} needs a value`);
    if (own[1] === 'title') title = value;
    else lang = value;
  }
  let cmd;
  try {
    cmd = parseArgs(['import', ...rest]);
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(err.message.replace(/\bimport\b/g, 'publish'));
    throw err;
  }
  if (cmd.name !== 'import') throw new UsageError('publish needs files and --out <dir>');
  const k = rest.some((a) => a === '--k' || a.startsWith('--k=')) ? cmd.k : DEFAULT_K;
  if (k < MIN_SERVED_K) {
    throw new UsageError(
      `--k ${k} is below ${MIN_SERVED_K}: a published site is never suppressed below k = ${MIN_SERVED_K}`,
    );
  }
  if (title !== undefined && title.trim() === '') throw new UsageError('--title needs a text');
  return {
    files: cmd.files,
    out: cmd.out,
    k,
    lang: parseLang(lang ?? 'sq'),
    json: cmd.json,
    read: cmd.read,
    ...(title !== undefined ? { title: title.trim() } : {}),
  };
}
