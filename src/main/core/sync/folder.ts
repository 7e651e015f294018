/** The sync folder as the engine sees it. Paths are relative, with '/' separators. */
export interface SyncFolder {
  /** The names directly inside a folder (files and folders); empty when it does not exist. */
  list(dir: string): string[]
  /** A file's bytes, or null when it cannot be read now (absent, locked, not downloaded). */
  read(path: string): Buffer | null
  /** Writes a new file: temporary name, fsync, rename (so readers never see part of it under its name). */
  write(path: string, bytes: Buffer): void
  /** The same for a large file (a snapshot), the disk work off the main thread; absent where there is no disk to wait for. */
  writeOffThread?(path: string, bytes: Buffer): Promise<void>
  remove(path: string): void
  /** Removes a folder if it is empty (a file arriving meanwhile keeps it); absent where folders exist only through their files. */
  removeFolder?(dir: string): void
}
