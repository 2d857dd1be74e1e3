/**
 * Every user-visible text goes through react-intl. This test reads every
 * component (src/**\/*.tsx) and fails on a string a component would render
 * as it is: JSX text with letters, a string literal as a JSX child, or a
 * string literal in an attribute people read or hear (aria-label, title,
 * placeholder, alt, label…). Texts belong in messages ({ id, defaultMessage }).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { walk, type Node } from '../../scripts/i18n/ast.ts';

const USER_VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'summary']);
const HAS_LETTERS = /\p{L}/u;

interface Finding {
  file: string;
  line: number;
  text: string;
}


/** The string literals a component renders as they are. */
export function findLiterals(file: string, source: string): Finding[] {
  const { program, errors } = parseSync(file, source);
  if (errors.length) throw new Error(`${file}: ${errors[0].message}`);
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const found: Finding[] = [];
  const add = (node: Node, text: string) => found.push({ file, line: lineOf(node.start), text: text.trim() });
  const literalText = (node: unknown): string | undefined => {
    const n = node as Node | null;
    if (!n) return undefined;
    if (n.type === 'Literal' && typeof n.value === 'string') return n.value as string;
    if (n.type === 'TemplateLiteral') return (n.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join(' ');
    // `cond ? 'a' : 'b'` and `x || 'text'` render their literals too.
    if (n.type === 'ConditionalExpression') return [literalText(n.consequent), literalText(n.alternate)].filter(Boolean).join(' ') || undefined;
    if (n.type === 'LogicalExpression') return literalText(n.right);
    return undefined;
  };
  walk(program, (node) => {
    if (node.type === 'JSXText' && HAS_LETTERS.test(node.value as string)) add(node, node.value as string);
    if (node.type === 'JSXExpressionContainer') {
      const text = literalText(node.expression);
      if (text && HAS_LETTERS.test(text)) {
        // Attribute values are judged by the attribute below; children always count.
        const isAttributeValue = (node as { __attribute?: boolean }).__attribute;
        if (!isAttributeValue) add(node, text);
      }
    }
    if (node.type === 'JSXAttribute') {
      const name = (node.name as { name: string }).name;
      const value = node.value as Node | null;
      if (value?.type === 'JSXExpressionContainer') (value as { __attribute?: boolean }).__attribute = true;
      if (!USER_VISIBLE_ATTRIBUTES.has(name) || !value) return;
      const text = value.type === 'Literal' ? (value.value as string) : literalText(value.expression);
      if (text && HAS_LETTERS.test(text)) add(node, `${name}="${text}"`);
    }
  });
  return found;
}

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('user-visible strings', () => {
  it('finds the literals it is meant to find (so that it can fail)', () => {
    const source = `export const A = () => (
      <div title="Map settings" className="x" aria-label={open ? 'Hide' : 'Show'}>
        Hello {'world'} {count} {label || 'No data'}
        <FormattedMessage id="a" defaultMessage="Fine, a message" />
        {t(MSG)} ·{' '}
      </div>
    );`;
    const texts = findLiterals('fixture.tsx', source).map((f) => f.text);
    expect(texts).toEqual(['title="Map settings"', 'aria-label="Hide Show"', 'Hello', 'world', 'No data']);
  });

  it('are never literals in a component: every text is a message', () => {
    const root = join(import.meta.dirname, '..', '..');
    const findings = componentFiles(join(root, 'src')).flatMap((file) => findLiterals(relative(root, file), readFileSync(file, 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});
