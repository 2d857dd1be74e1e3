/**
 * The service types' texts (src/config/catalogue/services.ts) in the
 * reader's language. The build compiles every message in place except the
 * catalogue's, which are plain text and handed to react-intl already parsed
 * (src/i18n/catalogueMessages.ts); the service types load after the first
 * map, so they are handed over here, as literals, when used. A translation
 * under the same id still wins over the English text.
 */
import { TYPE } from '@formatjs/icu-messageformat-parser';
import { serviceType } from '../../config/catalogue/services.ts';
import type { Msg } from '../../config/catalogue/types.ts';
import type { ServiceTypeId } from '../../config/serviceTypes.ts';
import type { Formats } from '../../i18n/useText.ts';

// Set under a computed key: the message collector and the build's compiler read `defaultMessage: '…'` as a text to compile.
const DEFAULT_MESSAGE = 'defaultMessage';
const parsed = new Map<string, Msg>();

/** A catalogue message with its plain text as one parsed literal. */
export function literalMsg(msg: Msg): Msg {
  let literal = parsed.get(msg.id);
  if (!literal) parsed.set(msg.id, (literal = { id: msg.id, [DEFAULT_MESSAGE]: [{ type: TYPE.literal, value: msg.defaultMessage }] } as unknown as Msg));
  return literal;
}

export interface ServiceTypeText {
  /** "GP practices". */
  label: string;
  /** "GP practice". */
  singular: string;
  description: string;
  /** The sources' short credit. */
  credit: string;
}

export function serviceTypeText(f: Formats, id: ServiceTypeId): ServiceTypeText {
  const type = serviceType(id);
  return { label: f.t(literalMsg(type.label)), singular: f.t(literalMsg(type.singular)), description: f.t(literalMsg(type.description)), credit: f.t(literalMsg(type.credit)) };
}
