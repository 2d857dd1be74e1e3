/**
 * The value of a promise as React state: `undefined` while it loads, and the
 * error if it fails. A newer call supersedes an older one.
 */
import { useEffect, useState } from 'react';

export interface AsyncState<T> {
  value: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

export function useAsync<T>(load: () => Promise<T> | undefined, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ value: undefined, error: undefined, loading: true });
  useEffect(() => {
    let current = true;
    const promise = load();
    if (!promise) {
      setState({ value: undefined, error: undefined, loading: false });
      return;
    }
    setState({ value: undefined, error: undefined, loading: true });
    promise.then(
      (value) => current && setState({ value, error: undefined, loading: false }),
      (error: Error) => current && setState({ value: undefined, error, loading: false }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
