/**
 * Progress for a long build: every step says when it starts, what it did and
 * how long it took, so a user on a slow machine can see it is moving.
 */
export interface Progress {
  step<T>(title: string, run: (note: (message: string) => void) => Promise<T> | T): Promise<T>;
  info(message: string): void;
  warn(message: string): void;
  readonly warnings: readonly string[];
}

export function createProgress(totalSteps: number, write: (line: string) => void = console.log): Progress {
  let current = 0;
  const warnings: string[] = [];
  return {
    warnings,
    async step(title, run) {
      current += 1;
      const label = `[${current}/${totalSteps}] ${title}`;
      write(`${label} …`);
      const started = performance.now();
      const result = await run((message) => write(`      ${message}`));
      write(`      done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return result;
    },
    info(message) {
      write(message);
    },
    warn(message) {
      warnings.push(message);
      write(`      warning: ${message}`);
    },
  };
}
