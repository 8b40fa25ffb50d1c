// Direct inotify watches on the files that changed most recently. The tree watcher (@parcel/watcher)
// batches events for 50 ms whenever changes come less than 500 ms apart; the files a server keeps
// writing (a database, its log, a VM image) are exactly those, and each change to them should reach
// the target at once. A bounded set of per-file fs.watch handles reports them without that delay;
// the tree watcher still sees everything, so a missed or dropped hot watch loses nothing.
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export const MAX_HOT_FILES = 64;

export class HotFiles {
  /** Watched relative paths, least recently changed first. */
  private readonly watches = new Map<string, FSWatcher>();

  constructor(
    private readonly root: string,
    private readonly onChange: (relPath: string) => void,
    private readonly limit = MAX_HOT_FILES,
  ) {}

  /** A file just changed: watch it directly from now on (the oldest hot file makes room). */
  touch(relPath: string): void {
    const existing = this.watches.get(relPath);
    if (existing != null) {
      this.watches.delete(relPath);
      this.watches.set(relPath, existing);
      return;
    }
    let watcher: FSWatcher;
    try {
      watcher = watch(join(this.root, relPath), { persistent: false }, (event) => {
        // Renamed or deleted: the inode we watch is no longer at this path. The tree watcher
        // reports both ends of a move together, which lets it be replayed as a rename; reporting
        // the vanished end alone here would turn the move into a delete and a resend.
        if (event === 'rename') this.drop(relPath);
        else this.onChange(relPath);
      });
    } catch {
      return; // gone already, or not a file we may watch: the tree watcher covers it
    }
    watcher.on('error', () => this.drop(relPath));
    this.watches.set(relPath, watcher);
    if (this.watches.size > this.limit) {
      const oldest = this.watches.keys().next().value as string;
      this.drop(oldest);
    }
  }

  drop(relPath: string): void {
    this.watches.get(relPath)?.close();
    this.watches.delete(relPath);
  }

  close(): void {
    for (const w of this.watches.values()) w.close();
    this.watches.clear();
  }
}
