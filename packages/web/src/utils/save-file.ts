/** Hands a downloaded Blob to the browser as a file (the page's own origin: CSP allows it). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}
