/** Offers a text document (JSON unless `type` says otherwise: the audit's CSV) as a download, named as given. */
export function saveFile({ fileName, text }: { fileName: string; text: string }, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the URL; freeing it at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Offers a CSV the background wrote as a download. */
export const saveCsv = (file: { fileName: string; csv: string }) => saveFile({ fileName: file.fileName, text: file.csv }, 'text/csv;charset=utf-8');
