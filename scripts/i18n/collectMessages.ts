/**
 * Every message of the interface, with its English text: the ones written
 * in the source as `{ id: '…', defaultMessage: '…' }` or
 * `<FormattedMessage id="…" defaultMessage="…" />`, and the ones the layer
 * catalogue builds from its data (src/config/catalogue/). Used to compile the
 * English messages at build time (scripts/vite/compiledMessages.ts) and by
 * tests/i18n/messages.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'oxc-parser';
import { catalogueMsgs } from '../../src/i18n/catalogueMessages.ts';
import '../../src/config/catalogue/all.ts';
import { messageFactories, walk, type Node } from './ast.ts';

export interface CollectedMessages {
  messages: Map<string, string>;
  /** Places where a message's id or text is not a plain string, so it cannot be collected (must be none outside the catalogue). */
  dynamic: string[];
  /** Ids given two different texts. */
  conflicts: string[];
}


const stringOf = (node: unknown): string | undefined => {
  const n = node as Node | null;
  if (n?.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n?.type === 'TemplateLiteral' && (n.expressions as unknown[]).length === 0) return (n.quasis as { value: { cooked: string } }[])[0].value.cooked;
  return undefined;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

export function collectMessages(srcDir: string): CollectedMessages {
  const messages = new Map<string, string>();
  const dynamic: string[] = [];
  const conflicts: string[] = [];
  const add = (id: string, text: string) => {
    const known = messages.get(id);
    if (known !== undefined && known !== text) conflicts.push(id);
    messages.set(id, text);
  };
  const catalogueDir = join(srcDir, 'config', 'catalogue');
  for (const file of sourceFiles(srcDir)) {
    const source = readFileSync(file, 'utf8');
    const { program } = parseSync(file, source);
    const where = (node: Node) => `${relative(srcDir, file)}:${source.slice(0, node.start).split('\n').length}`;
    const factories = messageFactories(program);
    walk(program, (node) => {
      if (node.type === 'CallExpression' && (node.callee as Node).type === 'Identifier' && factories.names.has((node.callee as { name: string }).name)) {
        const [idArg, textArg] = node.arguments as Node[];
        const id = stringOf(idArg);
        const text = stringOf(textArg);
        if (id !== undefined && text !== undefined) add(id, text);
        else if (!file.startsWith(catalogueDir)) dynamic.push(where(node));
      }
      if (factories.bodies.has(node)) return;
      if (node.type === 'ObjectExpression') {
        const props = (node.properties as Node[]).filter((p) => p.type === 'Property');
        const prop = (name: string) => props.find((p) => (p.key as Node).type === 'Identifier' && (p.key as { name: string }).name === name);
        const idProp = prop('id');
        const textProp = prop('defaultMessage');
        if (!textProp) return;
        const id = idProp && stringOf(idProp.value);
        const text = stringOf(textProp.value);
        if (id !== undefined && text !== undefined) add(id, text);
        // The catalogue builds messages from its data; those are collected from the built catalogue below.
        else if (!file.startsWith(catalogueDir)) dynamic.push(where(node));
      }
      if (node.type === 'JSXOpeningElement') {
        const attrs = (node.attributes as Node[]).filter((a) => a.type === 'JSXAttribute');
        const attr = (name: string) => attrs.find((a) => (a.name as { name: string }).name === name);
        const textAttr = attr('defaultMessage');
        if (!textAttr) return;
        const id = stringOf(attr('id')?.value);
        const text = stringOf(textAttr.value);
        if (id !== undefined && text !== undefined) add(id, text);
        else dynamic.push(where(node));
      }
    });
  }
  // The catalogue builds messages from its data; those come from the built catalogue.
  for (const msg of catalogueMsgs()) add(msg.id, msg.defaultMessage);
  return { messages, dynamic, conflicts };
}

