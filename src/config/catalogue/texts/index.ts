/**
 * The catalogue's long texts, by id: each measure's description and each
 * layer's About text (TextRef in ../types.ts). The About page, the table and
 * the downloads dictionary show them; the first map does not, so they live
 * here, apart from the entries, and load with those views. Each catalogue
 * module has its texts in the file of the same name. Like the entries'
 * messages they are plain text (tests/i18n/messages.test.ts checks), so
 * they need no message parser.
 */
import type { TextRef } from '../types.ts';
import { ACCESS_TEXTS } from './access.ts';
import { DEPRIVATION_TEXTS } from './deprivation.ts';
import { DIVERSITY_TEXTS } from './diversity.ts';
import { DOTS_TEXTS } from './dots.ts';
import { RELIGION_TEXTS } from './religion.ts';
import { SEGREGATION_TEXTS } from './segregation.ts';

const TEXTS: Record<string, string> = { ...DEPRIVATION_TEXTS, ...DIVERSITY_TEXTS, ...RELIGION_TEXTS, ...SEGREGATION_TEXTS, ...DOTS_TEXTS, ...ACCESS_TEXTS };

/** The English text of a catalogue text; throws on an id no texts file gives (a test checks every entry's). */
export function catalogueText(ref: TextRef): string {
  const text = TEXTS[ref.id];
  if (text === undefined) throw new Error(`no catalogue text "${ref.id}" (src/config/catalogue/texts/)`);
  return text;
}

/** Every catalogue text, by id (for the checks of the tests). */
export function catalogueTexts(): Readonly<Record<string, string>> {
  return TEXTS;
}

/** Adds texts of layers made up by tests (tests/catalogue/). */
export function addCatalogueTexts(texts: Record<string, string>): void {
  Object.assign(TEXTS, texts);
}
