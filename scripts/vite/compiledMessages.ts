/**
 * react-intl parses each ICU message the first time it is shown, with a
 * parser of about 8 KB gzip. For the built site the messages are parsed at
 * build time instead (FormatJS's advice for production): every
 * `defaultMessage` written in the source (`{ id, defaultMessage: '…' }`,
 * `m('id', '…')` factories, `<FormattedMessage defaultMessage="…">`) is
 * replaced by its parsed form in place, so each message stays in the chunk
 * that uses it; the layer catalogue's messages, built from its data, are
 * plain text and handed over as literals (src/i18n/catalogueMessages.ts).
 * The browser bundle then takes FormatJS's "no-parser" build of the parser
 * module. Development and unit tests keep plain strings and the parser.
 */
import { parse } from '@formatjs/icu-messageformat-parser';
import MagicString from 'magic-string';
import { parseSync } from 'oxc-parser';
import type { Plugin } from 'vite';
import { isStringLiteral as isString, messageFactories, walk, type Node } from '../i18n/ast.ts';


export function compiledMessages(): Plugin {
  let build = false;
  return {
    name: 'compiled-messages',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build' && !config.mode.startsWith('test');
    },
    resolveId(id) {
      if (build && id === '@formatjs/icu-messageformat-parser') return this.resolve('@formatjs/icu-messageformat-parser/no-parser.js');
      return undefined;
    },
    transform(code, id) {
      // The catalogue's messages are handed over as literals (src/i18n/catalogueMessages.ts), and also read as plain strings.
      if (!build || !/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/config/catalogue/')) return undefined;
      const { program } = parseSync(id, code);
      const out = new MagicString(code);
      const compile = (node: Node & { value: string }) => {
        try {
          return JSON.stringify(parse(node.value));
        } catch (error) {
          return this.error(`${id}: message "${node.value}" is not valid ICU (${(error as Error).message})`);
        }
      };
      // Calls of message factories (`m('id', '…')`) have their text as second argument.
      const factories = messageFactories(program).names;
      walk(program, (node) => {
        if (node.type === 'Property' && (node.key as { name?: string }).name === 'defaultMessage' && isString(node.value)) {
          const value = node.value as Node & { value: string };
          out.overwrite(value.start, value.end, compile(value));
        }
        if (node.type === 'JSXAttribute' && (node.name as { name: string }).name === 'defaultMessage' && isString(node.value)) {
          const value = node.value as Node & { value: string };
          out.overwrite(value.start, value.end, `{${compile(value)}}`);
        }
        if (node.type === 'CallExpression' && (node.callee as Node).type === 'Identifier' && factories.has((node.callee as { name: string }).name)) {
          const text = (node.arguments as Node[])[1];
          if (isString(text)) out.overwrite(text.start, text.end, compile(text));
        }
      });
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : undefined;
    },
  };
}
