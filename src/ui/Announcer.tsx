/**
 * Tells screen-reader users what was selected, wherever the selection came
 * from (map, search, table, link): a polite live region that is always in
 * the page, so that a change of its text is read out.
 */
import { LEVEL_LABELS } from '../config/geography.ts';
import { describeArea } from '../data/areas.ts';
import type { DataClient } from '../data/client.ts';
import { useAppStore } from '../state/store.ts';
import { useAsync } from './useAsync.ts';

export function Announcer({ client }: { client: DataClient }) {
  const selection = useAppStore((s) => s.selection);
  const area = useAsync(() => (selection ? describeArea(client, selection) : undefined), [client, selection]);
  const text = area.value ? `Selected ${area.value.name}, ${LEVEL_LABELS[area.value.level].singular} ${area.value.code}. Its details are in the area panel.` : '';
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  );
}
