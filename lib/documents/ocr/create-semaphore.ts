/** Runs at most `limit` tasks at once; the rest wait in arrival order. */
export function createSemaphore(limit: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        // Hand the slot straight to the next waiter so `active` never dips and lets a newcomer jump ahead.
        const next = queue.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
