// The source's dirty paths with a version per path: a pass takes a snapshot of what is dirty, and
// once the batch that carried it is applied, settles only the paths not changed again meanwhile
// (a path written during the send keeps its mark and goes out again). Times are passed in.

export interface DirtyMark {
  /** Bumped at every change of the path; settle compares it with the snapshot's. */
  version: number;
  /** When the path was first seen changed since it was last clean (ms): what lag counts from. */
  since: number;
}

/** A snapshot of the dirty paths, in the order first observed. */
export type DirtySnapshot = Map<string, DirtyMark>;

export class DirtyPaths {
  private readonly marks = new Map<string, DirtyMark>();
  private version = 0;

  /** Marks `paths` changed at `now`; returns those that were clean (the ones to persist). */
  mark(paths: Iterable<string>, now: number): string[] {
    const fresh: string[] = [];
    for (const path of paths) {
      const prior = this.marks.get(path);
      if (prior == null) fresh.push(path);
      this.marks.set(path, { version: ++this.version, since: prior?.since ?? now });
    }
    return fresh;
  }

  take(): DirtySnapshot {
    return new Map(this.marks);
  }

  /** Forgets the paths of `taken` not changed since it was taken; returns them (to unpersist). */
  settle(taken: DirtySnapshot): string[] {
    const clean: string[] = [];
    for (const [path, { version }] of taken) {
      if (this.marks.get(path)?.version === version) {
        this.marks.delete(path);
        clean.push(path);
      }
    }
    return clean;
  }

  get size(): number {
    return this.marks.size;
  }

  paths(): IterableIterator<string> {
    return this.marks.keys();
  }

  /** When the longest-waiting dirty path was first seen changed, or undefined when all is clean. */
  oldestSince(): number | undefined {
    let oldest: number | undefined;
    for (const { since } of this.marks.values()) if (oldest === undefined || since < oldest) oldest = since;
    return oldest;
  }
}
