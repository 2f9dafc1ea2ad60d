/** The browser's way to save a file: a download of a Blob (Electron shows its save dialog for it). */
export type DownloadOutcome = { ok: true; where: string } | { ok: false; canceled: false; message: string };

export function downloadText(text: string, suggestedName: string, mime: string): DownloadOutcome {
  try {
    const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = suggestedName;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, where: suggestedName };
  } catch (e) {
    return { ok: false, canceled: false, message: `导出失败：${e instanceof Error ? e.message : String(e)}` };
  }
}
