/**
 * A problem to tell the user about (a link, the build, a basemap): which one
 * and its message's values. Its message is in problemMessages.ts, loaded only
 * when there is a problem to show.
 */
import type { Problem } from './url.ts';
import type { ProblemKey } from './problemMessages.ts';
import { useAppStore, type Notice } from './store.ts';

export interface KeyedProblem {
  key: ProblemKey;
  values?: Problem['values'];
}

/** Shows problems as notices, once their messages have loaded. */
export function notifyProblems(problems: readonly KeyedProblem[], tone: Notice['tone'] = 'warning'): void {
  if (problems.length === 0) return;
  import('./problemMessages.ts').then(({ PROBLEM_MESSAGES }) => {
    for (const problem of problems) useAppStore.getState().notify({ msg: PROBLEM_MESSAGES[problem.key], values: problem.values }, tone);
  });
}
