/** Files between the browser and the API: a picked file as base64, a base64 answer as a download. */

/** A file as the API takes it in JSON. */
export interface FileBody {
  fileName: string;
  contentBase64: string;
}

/** Reads a picked file as `{fileName, contentBase64}`. */
export function fileBody(file: File): Promise<FileBody> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, contentBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** True for a `{fileName, contentBase64}` value of an API answer (an export, an annotated .docx). */
export function isFileBody(value: unknown): value is FileBody & { mediaType?: string } {
  const v = value as Partial<FileBody> | null;
  return typeof v?.fileName === 'string' && typeof v.contentBase64 === 'string';
}

/** Saves a file the API sent as base64 through the browser's download. */
export function saveFile(file: FileBody & { mediaType?: string }): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType ?? 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
