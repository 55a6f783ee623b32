/** The problems table, loaded with the first report (it brings the problem catalogs of both languages). */
import { lazy, Suspense } from 'react';
import type { Problem } from '../../contract/problem-types';

const Table = lazy(() => import('./ProblemsTable'));

/** {@link ProblemsTable} once its code has loaded (nothing before: it loads from this origin at once). */
export function LazyProblemsTable({ problems }: { problems: readonly Problem[] }) {
  return (
    <Suspense fallback={null}>
      <Table problems={problems} />
    </Suspense>
  );
}
