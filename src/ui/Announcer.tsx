/**
 * Tells screen-reader users what was selected, wherever the selection came
 * from (map, search, table, link): a polite live region that is always in
 * the page, so that a change of its text is read out.
 */
import { describeArea } from '../data/areas.ts';
import { LEVEL_NAMES } from '../config/levelText.ts';
import type { DataClient } from '../data/client.ts';
import { useFormats } from '../i18n/useText.ts';
import { selectedArea, useAppStore } from '../state/store.ts';
import { useAsync } from './useAsync.ts';

const SELECTED = {
  id: 'announcer.selected',
  defaultMessage: 'Selected {name}, {level} {code}. Its details are in the area panel.',
};
const SELECTED_SET = {
  id: 'announcer.selectedSet',
  defaultMessage: '{count, plural, one {# area} other {# areas}} selected. They are listed in the area panel.',
};

export function Announcer({ client }: { client: DataClient }) {
  const f = useFormats();
  const code = useAppStore(selectedArea);
  const setSize = useAppStore((s) => (s.selection?.kind === 'areas' ? s.selection.codes.length : 0));
  const area = useAsync(() => (code ? describeArea(client, code) : undefined), [client, code]);
  let text = '';
  if (code && area.value) text = f.t(SELECTED, { name: area.value.name, level: f.t(LEVEL_NAMES[area.value.level].singular), code: area.value.code });
  else if (setSize > 0) text = f.t(SELECTED_SET, { count: setSize });
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  );
}
