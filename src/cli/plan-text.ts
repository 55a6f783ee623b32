/** The plan command's text output: the plan's provenance, the new sites with their gains, then the extras. */
import { catchmentCode } from '../analysis/catchment';
import type { PlanSolution } from '../analysis/planning/solution';
import { limitText } from '../analysis/planning/solution';
import type { PlanInputs } from './plan-data';
import { pct, round } from './plan-format';
import type { PlanOptions } from './plan-options';
import type { PlanExtras } from './plan-solve';

/** The header and the new sites. */
function planLines(inputs: PlanInputs, o: PlanOptions, s: PlanSolution): string[] {
  const lines = [
    `Year ${inputs.year}, catchment ${catchmentCode(o.catchment)}, ${limitText(o.limit)}, method ${s.method}`,
    ...('budget' in o.limit
      ? [
          `Costs: ${inputs.costSource}; total cost of the new sites ${round(s.cost)}, budget left ${round(o.limit.budget - s.cost)}`,
        ]
      : []),
    `Demand: ${inputs.demandSource}${inputs.weights ? `; weights ${JSON.stringify(inputs.weights)}` : ''}`,
    `Existing units: ${inputs.existing.length} (${inputs.existing.map((u) => u.id).join(', ') || 'none'})`,
    `Status: ${s.status}; solved in ${s.ms.toFixed(1)} ms; gap ${(100 * s.gap).toFixed(2)}% (bound ${round(s.upperBound)})`,
    `Covered demand: ${round(s.objective)} of ${round(s.totalDemand)} (${pct(s.objective, s.totalDemand)}); existing units alone ${round(s.baseline)} (${pct(s.baseline, s.totalDemand)})`,
    'New sites (marginal gain, demand only it covers):',
    ...s.marginalGains.map(
      (g, i) =>
        `  ${i + 1}. ${g.site}  +${round(g.gain)}  (unique ${round(g.unique)})${'budget' in o.limit ? `  cost ${round(g.cost)}` : ''}`,
    ),
  ];
  if (s.marginalGains.length === 0) lines.push('  (none adds coverage)');
  if (inputs.noDemand.length > 0) lines.push(`No demand computed for: ${inputs.noDemand.join(', ')}`);
  return lines;
}

/** The lines of --curve, --cover, --gap and --emit-coverage. */
function extraLines({ curve, cover, coverageGap: gap, demand, coverage }: PlanExtras): string[] {
  const lines: string[] = [];
  if (curve) {
    lines.push('Coverage curve (k: covered, share, gain, sites, status, ms):');
    for (const p of curve) {
      lines.push(
        `  ${p.k}: ${round(p.objective)}  ${(100 * p.share).toFixed(1)}%  +${round(p.gain)}  ${p.sites.join(' ')}  ${p.status}  ${p.ms.toFixed(1)}`,
      );
    }
  }
  if (cover) {
    lines.push(
      `Full coverage of reachable demand: ${cover.count} new unit(s) (${cover.method}, ${cover.status}): ${cover.sites.join(' ') || 'none needed'}` +
        (cover.unreachable.length > 0 ? `; unreachable: ${cover.unreachable.join(' ')}` : ''),
    );
  }
  if (gap) {
    lines.push(
      `Coverage gap of the existing units: ${round(gap.uncoveredDemand)} of ${round(gap.totalDemand)} (${pct(gap.uncoveredDemand, gap.totalDemand)}) not within reach:`,
    );
    for (const r of gap.rows.filter((row) => !row.covered)) lines.push(`  ${r.id}  ${round(r.uncovered)}`);
  }
  if (coverage) {
    lines.push(`Demand: ${JSON.stringify(demand)}`);
    lines.push(`Coverage sets: ${JSON.stringify(coverage)}`);
  }
  return lines;
}

/** The text `plan` prints without --json. */
export function planText(inputs: PlanInputs, o: PlanOptions, s: PlanSolution, extras: PlanExtras): string {
  return [...planLines(inputs, o, s), ...extraLines(extras)].join('\n');
}
