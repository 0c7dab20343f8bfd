/** Hands a file to the browser's own download: the extension page makes it, nothing is sent anywhere. */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked a moment later: revoking at once can cancel the download before it starts.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
