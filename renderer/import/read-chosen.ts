/**
 * The bytes of the files the user chose or dropped, each on its own: a file that cannot be read (moved, deleted or
 * changed since it was chosen, or on a drive that went away: Chromium's NotReadableError) is refused by name, and
 * the others are still imported.
 */
export type ChosenFile = { name: string; bytes: ArrayBuffer } | { name: string; error: string };

export function unreadableMessage(name: string): string {
  return `无法读取文件：${name}。它可能已被移动、删除或在选择后被修改，也可能所在的磁盘已断开；请重新选择该文件。`;
}

export function readChosenFiles(files: readonly File[]): Promise<ChosenFile[]> {
  return Promise.all(
    files.map((f) =>
      f.arrayBuffer().then(
        (bytes) => ({ name: f.name, bytes }),
        () => ({ name: f.name, error: unreadableMessage(f.name) }),
      ),
    ),
  );
}
