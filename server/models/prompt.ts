import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GovdraftError } from '../errors.ts';
import { promptsDir } from '../paths.ts';
import type { ChatMessage } from './types.ts';

const cache = new Map<string, string>();

function template(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Invalid prompt name: ${name}`);
  let text = cache.get(name);
  if (text === undefined) {
    try {
      text = readFileSync(join(promptsDir, `${name}.md`), 'utf8');
    } catch (error) {
      throw new GovdraftError(
        'internal',
        `缺少提示词模板 prompts/${name}.md`,
        `Missing prompt prompts/${name}.md`,
        {
          cause: error,
        },
      );
    }
    cache.set(name, text);
  }
  return text;
}

/**
 * Renders prompts/<name>.md into chat messages. The file holds a `# system` and a `# user` section;
 * `{{var}}` placeholders are filled from `vars` (values are inserted verbatim, once: text that looks
 * like a placeholder inside a value is not expanded again).
 * @example renderPrompt('restyle-paragraph', { paragraph: '…', figures: '…' })
 */
export function renderPrompt(name: string, vars: Record<string, string>): ChatMessage[] {
  const sections = template(name).split(/^# (system|user)\s*$/m);
  const messages: ChatMessage[] = [];
  for (let i = 1; i + 1 < sections.length; i += 2) {
    const role = sections[i] as 'system' | 'user';
    const content = sections[i + 1]
      .trim()
      .replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in vars ? vars[key] : whole));
    messages.push({ role, content });
  }
  if (messages.length === 0) throw new Error(`Prompt ${name} has no "# system" or "# user" section`);
  return messages;
}
