/**
 * Every text of the interface goes through react-intl (FormatJS): ICU
 * messages with plurals and selects, numbers and percentages in the reader's
 * locale. English (en-GB) is the default message of each id; other
 * languages will be catalogues of translations keyed by the same ids.
 */
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parsedCatalogueMessages } from './catalogueMessages.ts';
import { onLayersRegistered } from '../config/catalogue/index.ts';

export const DEFAULT_LOCALE = 'en-GB';

/**
 * Translations by locale. English is the defaultMessage of each message: the
 * built site has those parsed at build time, in place
 * (scripts/vite/compiledMessages.ts), and the catalogue's, which are built
 * from data, are given here already parsed.
 */
const TRANSLATIONS: Record<string, Record<string, string> | Record<string, MessageFormatElement[]>> = {
  [DEFAULT_LOCALE]: parsedCatalogueMessages(),
};

// The entries of a later theme bring their messages when they load (catalogue/index.ts LATER_LAYERS).
onLayersRegistered((entries) => Object.assign(TRANSLATIONS[DEFAULT_LOCALE], parsedCatalogueMessages(entries)));

function onError(error: { code?: string }): void {
  // English has no translation file: its texts are the default messages.
  if (error.code === 'MISSING_TRANSLATION') return;
  console.error(error);
}

export function I18nProvider({ locale = DEFAULT_LOCALE, children }: { locale?: string; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={TRANSLATIONS[locale] ?? {}} onError={onError}>
      {children}
    </IntlProvider>
  );
}
