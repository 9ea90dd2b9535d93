/** Real LibreOffice for tests: converts a file headless, or says why it cannot (not installed). */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice binary, or null when LibreOffice is not installed. */
export function sofficePath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Converts `file` to PDF with a private LibreOffice profile (runs may overlap); the PDF's size in
 * bytes, 0 when LibreOffice could not open the file.
 */
export async function convertToPdf(soffice: string, file: string): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'govdraft-soffice-'));
  try {
    await new Promise<void>((resolve) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          work,
          file,
        ],
        { timeout: 180_000 },
        () => resolve(),
      );
    });
    const pdf = join(work, basename(file).replace(/\.[^.]+$/, '.pdf'));
    return existsSync(pdf) ? statSync(pdf).size : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
