/** Updates being handled right now, so a stop can wait for them before the database closes. */
export interface InFlight {
  /** Follows `task` until it settles; returns it. */
  track<T>(task: Promise<T>): Promise<T>;
  /** Resolves when nothing is in flight any more (new work may join while waiting). */
  idle(): Promise<void>;
}

export function inFlight(): InFlight {
  const tasks = new Set<Promise<unknown>>();
  return {
    track(task) {
      tasks.add(task);
      void task.then(
        () => tasks.delete(task),
        () => tasks.delete(task),
      );
      return task;
    },
    async idle() {
      while (tasks.size > 0) await Promise.allSettled([...tasks]);
    },
  };
}
