/**
 * A problem with an input file, worded for the person who supplied it:
 * which file, which line and column, what is wrong, and what to do.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  readonly problem: string;
  readonly hint?: string;

  constructor(details: { file: string; line?: number; column?: string; problem: string; hint?: string }) {
    super(formatInputError(details));
    this.name = 'InputError';
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.problem = details.problem;
    this.hint = details.hint;
  }
}

function formatInputError(details: {
  file: string;
  line?: number;
  column?: string;
  problem: string;
  hint?: string;
}): string {
  const where = [details.file];
  if (details.line !== undefined) where.push(`line ${details.line}`);
  if (details.column !== undefined) where.push(`column "${details.column}"`);
  return `${where.join(', ')}: ${details.problem}${details.hint ? `\n  ${details.hint}` : ''}`;
}

/** "1 LSOA", "2 LSOAs": a count with its noun. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : plural}`;
}

/** Lists at most `max` items, then says how many more there are. */
export function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
