/**
 * Tells screen-reader users what was selected, wherever the selection came
 * from (map, search, table, link): the text of the polite live region that
 * App.tsx keeps in the page from the start (so that a change of its text is
 * read out). Loaded after the first map.
 *
 * It also clears a selection that the data does not know (a mistyped or
 * out-of-date code in a link), with a notice saying why.
 */
import { useEffect } from 'react';
import { describeArea } from '../data/areas.ts';
import { LEVEL_NAMES } from '../config/levelText.ts';
import type { DataClient } from '../data/client.ts';
import type { Manifest } from '../data/schema.ts';
import { notifyProblems } from '../state/notifyProblems.ts';
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

export default function Announcer({ client, manifest }: { client: DataClient; manifest: Manifest }) {
  const f = useFormats();
  const code = useAppStore(selectedArea);
  const setSize = useAppStore((s) => (s.selection?.kind === 'areas' ? s.selection.codes.length : 0));
  // Keyed by the code, so that a result about the previous code is never taken for this one's.
  const described = useAsync(() => (code ? describeArea(client, code).then((info) => ({ code, info })) : undefined), [client, code]);
  const area = { value: described.value?.code === code ? described.value.info : undefined };
  const unknown = described.value?.code === code && !described.value.info;
  useEffect(() => {
    if (!code || !unknown || selectedArea(useAppStore.getState()) !== code) return;
    notifyProblems([{ key: 'unknownArea', values: { code, ward: manifest.vintages.ward, lad: manifest.vintages.lad } }]);
    useAppStore.getState().select(null);
  }, [code, unknown, manifest]);
  let text = '';
  if (code && area.value) text = f.t(SELECTED, { name: area.value.name, level: f.t(LEVEL_NAMES[area.value.level].singular), code: area.value.code });
  else if (setSize > 0) text = f.t(SELECTED_SET, { count: setSize });
  return text;
}
