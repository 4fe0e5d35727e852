export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

/** A promise settled from outside: for values the program knows only once it has run further. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Rejections are reported through the program's error; avoid a second "unhandled" report.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
