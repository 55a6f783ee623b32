/**
 * The coverage view (issues 4 and 5): the catchment model and year chosen by the user; the covered / not
 * covered map with the units as points coloured by supporter; Albania's and each county's figures for the
 * year; units by supporter, children assisted and coverage share over time; PNG and CSV exports. Cut as a
 * client: a hook that asks the engine (./useCoverageView over ./useCoverage; every count of children assisted
 * arrives already suppressed), a pure props builder (./coverage-props) and a layout (./CoverageLayout).
 */
import type { ViewContext } from '../views';
import { CoverageLayout } from './CoverageLayout';
import { useCoverageView } from './useCoverageView';
import './coverage.css';

/** The coverage view. */
export default function CoverageView(ctx: ViewContext) {
  return <CoverageLayout {...useCoverageView(ctx)} />;
}
