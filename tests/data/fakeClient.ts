/**
 * A DataClient for tests: the methods a test gives answer, every call is
 * recorded as "<method> <arguments…>", and any other method throws, so a test
 * also proves which files a function asks for.
 */
import type { DataClient } from '../../src/data/client.ts';

type Methods = Omit<DataClient, 'baseUrl' | 'url'>;

const METHODS: (keyof Methods)[] = ['manifest', 'areas', 'groupAreas', 'lsoaDetails', 'lsoaBounds', 'lsoaPoints', 'classes', 'values', 'profile', 'file'];

export function fakeDataClient(methods: Partial<Methods>): { client: DataClient; calls: string[] } {
  const calls: string[] = [];
  const client = { baseUrl: 'fake/', url: (path: string) => `fake/${path}` } as DataClient;
  for (const name of METHODS) {
    const implementation = methods[name] as ((...args: unknown[]) => unknown) | undefined;
    (client as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      if (!implementation) throw new Error(`${name} should not be called`);
      calls.push([name, ...args].join(' '));
      return implementation(...args);
    };
  }
  return { client, calls };
}
