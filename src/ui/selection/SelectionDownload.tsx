/**
 * Downloads a set selection of LSOAs as CSV (selectionCsv.ts): one row per
 * LSOA with its codes, names and Census 2021 counts by ethnic group and
 * religion, and the selection's segregation figures for the groups compared
 * on the map. A set of wards or authorities gives the rows of their LSOAs
 * (as the panel's live figures do). The code that builds the file is loaded
 * on the first click.
 */
import { useState } from 'react';
import type { Msg } from '../../config/catalogue/types.ts';
import { levelOfCode } from '../../config/geography.ts';
import type { DataClient } from '../../data/client.ts';
import type { Manifest } from '../../data/schema.ts';
import { useFormats } from '../../i18n/useText.ts';
import { useAppStore } from '../../state/store.ts';
import { useViewSpec } from '../../state/useViewSpec.ts';
import './selection.css';
import { saveText } from '../saveText.ts';

const MESSAGES = {
  download: { id: 'selection.download', defaultMessage: 'Download these {count, plural, one {# LSOA} other {# LSOAs}} (CSV)' },
  downloadAreas: { id: 'selection.download.areas', defaultMessage: 'Download the LSOAs of these {count, plural, one {# area} other {# areas}} (CSV)' },
  preparing: { id: 'selection.download.preparing', defaultMessage: 'Preparing the file…' },
  failed: { id: 'selection.download.failed', defaultMessage: 'The selection could not be downloaded: {error}' },
  note: { id: 'selection.download.note', defaultMessage: 'Codes, names and Census 2021 counts by ethnic group and religion; the figures for the groups compared head the file as lines starting with #.' },
} satisfies Record<string, Msg>;


export function SelectionDownload({ client, manifest }: { client: DataClient; manifest: Manifest }) {
  const f = useFormats();
  const spec = useViewSpec(manifest);
  const selection = useAppStore((s) => s.selection);
  const name = useAppStore((s) => s.selectionName);
  const [busy, setBusy] = useState(false);
  const codes = selection?.kind === 'areas' ? selection.codes : [];
  if (codes.length === 0) return null;
  const onlyLsoas = codes.every((code) => levelOfCode(code) === 'lsoa');

  const onClick = async () => {
    setBusy(true);
    try {
      const { buildSelectionCsv } = await import('./selectionData.ts');
      const file = await buildSelectionCsv(client, manifest, codes, name, spec);
      saveText(file.fileName, file.text);
    } catch (error) {
      useAppStore.getState().notify({ msg: MESSAGES.failed, values: { error: (error as Error).message } }, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="selection-download">
      <button type="button" className="button" onClick={onClick} disabled={busy} aria-describedby="selection-download-note">
        {busy ? f.t(MESSAGES.preparing) : f.t(onlyLsoas ? MESSAGES.download : MESSAGES.downloadAreas, { count: codes.length })}
      </button>
      <p id="selection-download-note" className="note">
        {f.t(MESSAGES.note)}
      </p>
    </div>
  );
}
