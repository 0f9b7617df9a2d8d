/**
 * Runs `work` over every item with at most `concurrency` running at once and at most
 * `perKey` per key (a host), so a slow host holds only its own share of the slots.
 * Within a key, items run in the order given; keys take turns.
 */
export async function runBounded<T>(
  items: readonly T[],
  options: { concurrency: number; perKey: number; keyOf: (item: T) => string; shouldContinue?: () => boolean | Promise<boolean> },
  work: (item: T) => Promise<void>,
): Promise<void> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const key = options.keyOf(item);
    const queue = queues.get(key);
    if (queue) queue.push(item);
    else queues.set(key, [item]);
  }
  const active = new Map<string, number>();
  const running = new Set<Promise<void>>();
  let turn = 0;

  const startNext = (): boolean => {
    const keys = [...queues.keys()];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(turn + i) % keys.length]!;
      if ((active.get(key) ?? 0) >= options.perKey) continue;
      const queue = queues.get(key)!;
      const item = queue.shift()!;
      if (queue.length === 0) queues.delete(key);
      turn = (turn + i + 1) % Math.max(1, keys.length);
      active.set(key, (active.get(key) ?? 0) + 1);
      const task: Promise<void> = work(item)
        .catch(() => undefined)
        .finally(() => {
          active.set(key, active.get(key)! - 1);
          running.delete(task);
        });
      running.add(task);
      return true;
    }
    return false;
  };

  while (queues.size > 0 || running.size > 0) {
    if (queues.size > 0 && options.shouldContinue && !(await options.shouldContinue())) queues.clear();
    while (running.size < options.concurrency && queues.size > 0 && startNext());
    if (running.size === 0) break;
    await Promise.race(running);
  }
}

/** Reorders items so that groups take turns: one of each group, then the next of each. */
export function interleave<T>(items: readonly T[], groupOf: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(groupOf(item));
    if (group) group.push(item);
    else groups.set(groupOf(item), [item]);
  }
  const result: T[] = [];
  const lists = [...groups.values()];
  for (let round = 0; result.length < items.length; round++) for (const list of lists) if (round < list.length) result.push(list[round]!);
  return result;
}
