/**
 * Reading components and modules as syntax trees (oxc-parser's ESTree) for
 * the message tools: the build's message compiler, the message collector and
 * the test that finds string literals in components.
 */

export type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** Calls `visit` on every node below `node`, depth first. */
export function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) for (const child of node) walk(child, visit);
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if (typeof n.type === 'string') visit(n);
    for (const [key, value] of Object.entries(n)) if (key !== 'parent' && value && typeof value === 'object') walk(value, visit);
  }
}

export const isStringLiteral = (node: unknown): node is Node & { value: string } =>
  (node as Node | null)?.type === 'Literal' && typeof (node as Node).value === 'string';

/**
 * Message factories of a module, `const m = (id, defaultMessage) => ({ id, defaultMessage })`:
 * their names, and the object each returns. Their calls with two strings are messages.
 */
export function messageFactories(program: unknown): { names: Set<string>; bodies: Set<unknown> } {
  const names = new Set<string>();
  const bodies = new Set<unknown>();
  walk(program, (node) => {
    const init = node.type === 'VariableDeclarator' ? (node.init as Node | null) : null;
    const body = init?.type === 'ArrowFunctionExpression' ? (init.body as Node) : undefined;
    const object = body?.type === 'ParenthesizedExpression' ? (body.expression as Node) : body;
    if (object?.type !== 'ObjectExpression') return;
    const keys = (object.properties as Node[]).map((p) => (p.key as { name?: string } | undefined)?.name);
    if (keys.includes('id') && keys.includes('defaultMessage')) {
      names.add((node.id as { name: string }).name);
      bodies.add(object);
    }
  });
  return { names, bodies };
}
