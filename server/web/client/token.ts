import { byId } from './dom.ts';

/** The access token lives for this browser session only (sessionStorage), never in the address. */
const key = 'govdraft.token';

/** The token given in this session, or null. */
export function currentToken(): string | null {
  return sessionStorage.getItem(key);
}

let waiting: ((token: string) => void)[] = [];

/**
 * Asks for the token (once, however many requests were refused at the same time) and resolves
 * when one is entered. The dialog cannot be dismissed without one: every request needs it.
 */
export function askToken(message: string): Promise<string> {
  const dialog = byId<HTMLDialogElement>('token-dialog');
  byId('token-error').textContent = message;
  if (!dialog.open) dialog.showModal();
  byId<HTMLInputElement>('token-input').focus();
  return new Promise((resolve) => waiting.push(resolve));
}

/** Wires the token dialog (once, at start). */
export function initTokenDialog(): void {
  const dialog = byId<HTMLDialogElement>('token-dialog');
  const input = byId<HTMLInputElement>('token-input');
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  byId('token-form').addEventListener('submit', () => {
    const token = input.value.trim();
    if (!token) return;
    sessionStorage.setItem(key, token);
    input.value = '';
    const resolvers = waiting;
    waiting = [];
    for (const resolve of resolvers) resolve(token);
  });
}
