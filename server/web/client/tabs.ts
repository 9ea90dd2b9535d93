/** The four views, one shown at a time, chosen by the address's hash (#chat, #check, #corpus, #drafts). */
import { byId } from './dom.ts';

export const views = ['chat', 'check', 'corpus', 'drafts'] as const;
export type View = (typeof views)[number];

const current = (): View => {
  const hash = location.hash.slice(1);
  return (views as readonly string[]).includes(hash) ? (hash as View) : 'chat';
};

/** Shows the view in the address (and again on each change); `shown` runs for each view shown. */
export function initTabs(shown: (view: View) => void): void {
  const show = () => {
    const view = current();
    for (const name of views) {
      byId(`view-${name}`).hidden = name !== view;
      const tab = byId(`tab-${name}`);
      if (name === view) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
    shown(view);
  };
  window.addEventListener('hashchange', show);
  show();
}
