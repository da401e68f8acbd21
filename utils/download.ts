// Saves data as a file the reader downloads (a blob URL; nothing leaves the machine).

export function downloadJson(filename: string, data: unknown, doc: Document = document): void {
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Firefox reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
