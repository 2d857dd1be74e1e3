/**
 * Loads what the CSV of a selection needs (area names, the Census 2021 units
 * files of ethnic group and religion) and builds it with selectionCsv.ts.
 * Loaded with the download button, not with the first map.
 */
import { SEGREGATION_LAYERS, GROUPINGS } from '../../config/catalogue/segregation.ts';
import { parseComparison } from '../../config/catalogue/comparisons.ts';
import type { DataClient } from '../../data/client.ts';
import { loadUnits } from '../../data/computed/segregation.ts';
import type { Manifest } from '../../data/schema.ts';
import type { ViewSpec } from '../../state/viewSpec.ts';
import { lsoasOfSelection } from '../../data/selectionLsoas.ts';
import { selectionCsv, selectionFileName, type GroupingCounts } from './selectionCsv.ts';

/** The census whose counts the file gives. */
const RELEASE = '2021';

/**
 * The comparison of each grouping: the one on the map when its layer is
 * shown, else the layer's default ('white-rest', 'muslim-rest').
 */
function comparisonFor(groupingId: string, spec: Pick<ViewSpec, 'layer' | 'comparison'> | null) {
  const layer = SEGREGATION_LAYERS.find((entry) => entry.computed?.grouping === groupingId)!;
  const grouping = GROUPINGS.find((g) => g.id === groupingId)!;
  if (spec?.comparison && spec.layer.computed?.grouping === groupingId) return { layer, comparison: spec.comparison };
  return { layer, comparison: parseComparison(grouping, layer.comparisons!.default)! };
}

/** The CSV of a set of LSOAs and its file name. */
export async function buildSelectionCsv(
  client: DataClient,
  manifest: Manifest,
  codes: readonly string[],
  name: string | null,
  spec: Pick<ViewSpec, 'layer' | 'comparison'> | null,
): Promise<{ fileName: string; text: string }> {
  const groupingsBuilt = GROUPINGS.filter((grouping) => {
    const { layer } = comparisonFor(grouping.id, spec);
    return Boolean(manifest.layers[layer.id]) && grouping.scales[RELEASE]?.includes('lsoa');
  });
  const [lsoas, details, wards, lads, ...units] = await Promise.all([
    client.areas('lsoa'),
    client.lsoaDetails(),
    client.groupAreas('ward'),
    client.groupAreas('lad'),
    ...groupingsBuilt.map((grouping) => loadUnits(client, grouping.id, RELEASE, 'lsoa')),
  ]);
  // Wards and authorities stand for their LSOAs.
  const { members } = lsoasOfSelection(codes, { lsoaCodes: lsoas.codes, wardCodes: wards.codes, ladCodes: lads.codes, wardOfLsoa: details.ward, ladOfWard: wards.lad ?? [] });
  const lsoaCodes = members.map((i) => lsoas.codes[i]);
  const groupings: GroupingCounts[] = groupingsBuilt.map((grouping, k) => ({
    id: grouping.id,
    column: grouping.csvPrefix,
    groupIds: units[k].file.groups,
    codes: units[k].codes,
    groups: units[k].groups,
    counts: units[k].counts,
    release: RELEASE,
    comparison: comparisonFor(grouping.id, spec).comparison,
  }));
  const text = selectionCsv({
    name,
    codes: lsoaCodes,
    areas: {
      lsoa: { codes: lsoas.codes, names: details.names, ward: details.ward },
      ward: { codes: wards.codes, names: wards.names, lad: wards.lad ?? [] },
      lad: { codes: lads.codes, names: lads.names },
      vintages: { ward: manifest.vintages.ward, lad: manifest.vintages.lad },
    },
    groupings,
  });
  return { fileName: selectionFileName(name), text };
}
