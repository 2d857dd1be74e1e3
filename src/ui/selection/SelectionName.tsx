/**
 * The name of a set selection (“Lozells ring”), editable: kept in the link
 * (`name=`), shown on the panel and used for the download's file name. The
 * store takes the name when the field is left or Enter is pressed, not at
 * every key, so that the history gets one step per name and not one per letter.
 * Escape puts back the name the store has.
 */
import { useEffect, useId, useState } from 'react';
import type { Msg } from '../../config/catalogue/types.ts';
import { useFormats } from '../../i18n/useText.ts';
import { useAppStore } from '../../state/store.ts';
import { MAX_SELECTION_NAME } from '../../state/url.ts';
import './selection.css';

const MESSAGES = {
  label: { id: 'selection.name.label', defaultMessage: 'Name of this selection' },
  placeholder: { id: 'selection.name.placeholder', defaultMessage: 'e.g. Lozells ring' },
  hint: { id: 'selection.name.hint', defaultMessage: 'The name is kept in the link and names the download.' },
} satisfies Record<string, Msg>;

export function SelectionName() {
  const f = useFormats();
  const id = useId();
  const stored = useAppStore((s) => (s.selection?.kind === 'areas' ? s.selectionName : null));
  const isSet = useAppStore((s) => s.selection?.kind === 'areas');
  const setSelectionName = useAppStore((s) => s.setSelectionName);
  const [draft, setDraft] = useState(stored ?? '');
  // A name set elsewhere (a tool's default name, back and forward) replaces the draft.
  useEffect(() => setDraft(stored ?? ''), [stored]);
  if (!isSet) return null;

  const commit = () => {
    if ((draft.replace(/\s+/g, ' ').trim() || null) !== stored) setSelectionName(draft);
  };
  return (
    <form
      className="selection-name"
      onSubmit={(event) => {
        event.preventDefault();
        commit();
      }}
    >
      <label htmlFor={id} className="field__label">
        {f.t(MESSAGES.label)}
      </label>
      <input
        id={id}
        type="text"
        value={draft}
        maxLength={MAX_SELECTION_NAME}
        placeholder={f.t(MESSAGES.placeholder)}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            setDraft(stored ?? '');
          }
        }}
      />
      <p id={`${id}-hint`} className="note">
        {f.t(MESSAGES.hint)}
      </p>
    </form>
  );
}
