/** The help text of `npm run atlas -- plan` (printed by --help and after a usage error). */

/** Usage of the plan command. */
export const PLAN_USAGE = `Usage:
  npm run atlas -- plan (--k <n> | --budget <amount> (--cost <per site> | --costs <csv|parquet>))
      [--radius-km <r> | --contiguity | --self] [--year <y>]
      [--existing <lau,lau,...|none>] [--weights <indicator=w,...>] [--demand <csv|parquet>]
      [--method exact|greedy] [--curve <kMax>] [--cover] [--gap] [--emit-coverage] [--json]

Chooses k new units (municipality sites), or new units whose total cost fits a budget, that maximise the
demand covered together with the existing units (Maximal Covering Location Problem, solved exactly by
HiGHS; --method greedy for the heuristic with its optimality gap). Coverage: only the site's own
municipality (--self), also those that share a border with it (--contiguity), or those whose
representative points lie within --radius-km of the site.
Default: --self, a unit serves its own municipality (Law 18/2017 makes child protection each one's duty).
  --k           the number of new units (give --k or --budget, not both)
  --budget      the most the new units may cost in total (e.g. 180000, in the currency of the costs)
  --cost        the cost of a new unit at any site (with --costs: at sites the file leaves out)
  --costs       file with columns lau_code, cost (CSV or Parquet); without --cost it must list every
                municipality
  --year        data year (default: the catalog's default year); existing units are those active then
  --existing    lau_codes of the existing units instead of the facilities data ("none": no unit)
  --weights     need index weights, e.g. econ_aid_share=2,dropout_rate=1 (default: equal weights over the
                higher-is-worse rates); demand = children x relative need
  --demand      file with columns lau_code, demand (replaces the need index)
  --curve <n>   also the best coverage for k = 1..n
  --cover       also the fewest new units covering all reachable demand (set covering)
  --gap         also the coverage gap of the existing units by municipality
  --emit-coverage  print the coverage sets used (site -> municipalities)
  --json        JSON instead of text`;
