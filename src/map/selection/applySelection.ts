/**
 * Turning the LSOAs a tool found into the selection: a set of LSOAs
 * (`{ kind: 'areas' }`) replacing the current selection, or added to it
 * (Shift held), with a name or none. At most MAX_SELECTED_AREAS LSOAs: a
 * larger set is refused with a notice rather than cut short, since a cut set
 * would give figures for an area nobody drew.
 */
import type { Msg } from '../../config/catalogue/types.ts';
import { levelOfCode } from '../../config/geography.ts';
import { useAppStore } from '../../state/store.ts';
import { MAX_SELECTED_AREAS, MAX_SELECTION_NAME, type SelectionRef } from '../../state/url.ts';
import { unionCodes } from './geometry.ts';

export const APPLY_MESSAGES = {
  tooMany: {
    id: 'selection.tool.tooMany',
    defaultMessage: 'That selection would hold {count, number} LSOAs, more than the {max, number} a selection (and its link) can hold. Draw a smaller area.',
  },
} satisfies Record<string, Msg>;

/** A name as the store keeps it (see setSelectionName): spaces collapsed, at most MAX_SELECTION_NAME characters, null if empty. */
export function cleanName(name: string | null): string | null {
  const trimmed = name?.replace(/\s+/g, ' ').trim();
  return trimmed ? [...trimmed].slice(0, MAX_SELECTION_NAME).join('') : null;
}

/** The LSOA codes already selected (one LSOA, or a set of LSOAs); none for a selection of another level. */
export function currentLsoaCodes(selection: SelectionRef | null): string[] {
  if (selection?.kind === 'area') return levelOfCode(selection.code) === 'lsoa' ? [selection.code] : [];
  if (selection?.kind === 'areas') return selection.codes.filter((code) => levelOfCode(code) === 'lsoa');
  return [];
}

/** The selection after a tool found `codes`: replacing, or (add) joined to the current LSOAs. */
export function nextSelection(current: SelectionRef | null, codes: readonly string[], add: boolean): string[] {
  return add ? unionCodes(currentLsoaCodes(current), codes) : [...codes];
}

/**
 * Selects the set. `name`: the name to give it (null: none; undefined: keep
 * the current name when adding, none when replacing). Returns how many
 * LSOAs are selected, or 0 when nothing changed (none found, or too many).
 */
export function applySetSelection(codes: readonly string[], options: { add?: boolean; name?: string | null } = {}): number {
  const store = useAppStore.getState();
  if (codes.length === 0) return 0;
  const next = nextSelection(store.selection, codes, Boolean(options.add));
  if (next.length > MAX_SELECTED_AREAS) {
    store.notify({ msg: APPLY_MESSAGES.tooMany, values: { count: next.length, max: MAX_SELECTED_AREAS } }, 'warning');
    return 0;
  }
  const keepName = options.add && store.selection?.kind === 'areas' ? store.selectionName : null;
  // One update, so that the selection and its name are one step of the history (selectRef then setSelectionName would be two).
  useAppStore.setState({ selection: { kind: 'areas', codes: next }, selectionName: options.name === undefined ? keepName : cleanName(options.name) });
  return next.length;
}
