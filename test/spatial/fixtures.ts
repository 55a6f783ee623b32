/** Loaders for the published reference data sets in test/fixtures/spatial (see the README there). */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { weightsFromNeighbours, type SpatialWeights } from '../../src/analysis/spatial';

const fixtureDir = fileURLToPath(new URL('../fixtures/spatial/', import.meta.url));

/** Reads a fixture file as text. */
export function readFixture(name: string): string {
  return readFileSync(fixtureDir + name, 'utf8');
}

/**
 * Parses a GAL file (GeoDa / PySAL neighbour lists: a header line with the unit count, then for each unit a
 * line "id count" followed by a line of neighbour ids) into binary weights, units ordered as in the file.
 */
export function readGal(name: string): SpatialWeights {
  const lines = readFixture(name).trim().split(/\r?\n/).slice(1);
  const ids: string[] = [];
  const neighbourIds: string[][] = [];
  for (let l = 0; l + 1 < lines.length; l += 2) {
    ids.push(lines[l]!.trim().split(/\s+/)[0]!);
    neighbourIds.push(lines[l + 1]!.trim().split(/\s+/).filter(Boolean));
  }
  const index = new Map(ids.map((id, i) => [id, i]));
  return weightsFromNeighbours(
    ids,
    neighbourIds.map((row) => row.map((id) => index.get(id)!)),
  );
}

/** Reads a CSV of numbers with a header row; returns columns by name. */
export function readCsvColumns(name: string): Record<string, number[]> {
  const [header, ...rows] = readFixture(name).trim().split(/\r?\n/);
  const names = header!.split(',').map((s) => s.replace(/"/g, ''));
  const columns: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, [] as number[]]));
  for (const row of rows) row.split(',').forEach((cell, c) => columns[names[c]!]!.push(Number(cell)));
  return columns;
}
