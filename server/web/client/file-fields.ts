/** The file pickers' own line of chosen names (the page's words, whatever the browser's language). */

/** The names line for a picker's files: 未选择文件, one name, or 3 个文件：a、b、c. */
export function namesText(names: readonly string[]): string {
  if (!names.length) return '未选择文件';
  if (names.length === 1) return names[0];
  return `${names.length} 个文件：${names.join('、')}`;
}

/** Keeps each picker's names line current (once, at start; code that clears a picker sends `change`). */
export function initFileFields(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('input.file-input')) {
    const line = document.getElementById(`${input.id}-names`);
    const update = () => {
      if (line) line.textContent = namesText([...(input.files ?? [])].map((f) => f.name));
    };
    input.addEventListener('change', update);
  }
}
