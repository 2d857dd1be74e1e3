/**
 * The English messages of the layer catalogue, already in parsed form. The
 * catalogue builds some of its texts from data (indicator names, group
 * names), so the build cannot parse them in place as it does the others
 * (scripts/vite/compiledMessages.ts). They are plain text, with none of ICU's
 * syntax (tests/i18n/messages.test.ts checks), so each parses to one literal
 * element, and the browser never needs the parser for them.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LATER_LAYERS, LAYERS, THEMES } from '../config/catalogue/index.ts';
import type { Msg } from '../config/catalogue/types.ts';

/** Characters that make a message more than plain text in ICU (with FormatJS's rich-text tags). */
export const ICU_SYNTAX = /[{}<>'#]/;

function isMsg(value: unknown): value is Msg {
  return typeof (value as Msg)?.id === 'string' && typeof (value as Msg)?.defaultMessage === 'string';
}

/** Every message of the catalogue loaded so far (or of `roots`), by id. */
export function catalogueMsgs(roots: unknown = [LAYERS, THEMES, LATER_LAYERS]): Msg[] {
  const found: Msg[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (isMsg(value)) found.push(value);
    else for (const child of Object.values(value)) visit(child);
  };
  visit(roots);
  return found;
}

/** The catalogue's plain-text messages (or those of `roots`) as parsed messages, for react-intl's `messages`. */
export function parsedCatalogueMessages(roots?: unknown): Record<string, MessageFormatElement[]> {
  return Object.fromEntries(
    catalogueMsgs(roots)
      .filter((msg) => !ICU_SYNTAX.test(msg.defaultMessage))
      .map((msg) => [msg.id, [{ type: TYPE.literal, value: msg.defaultMessage }]]),
  );
}
