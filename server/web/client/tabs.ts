/** The four views, one shown at a time, chosen by the address's hash (#chat, #check, #corpus, #drafts). */
import { byId } from './dom.ts';

const views = ['chat', 'check', 'corpus', 'drafts'] as const;
export type View = (typeof views)[number];

const isView = (hash: string): hash is View => (views as readonly string[]).includes(hash);
let shown: View | null = null;

/** The view the address names; another hash (the skip link's #main) keeps the view shown. */
const current = (): View => {
  const hash = location.hash.slice(1);
  return isView(hash) ? hash : (shown ?? 'chat');
};

/** Shows the view in the address (and again on each change); `onShow` runs for each view shown. */
export function initTabs(onShow: (view: View) => void): void {
  const show = () => {
    const view = current();
    shown = view;
    for (const name of views) {
      byId(`view-${name}`).hidden = name !== view;
      const tab = byId(`tab-${name}`);
      if (name === view) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
    onShow(view);
  };
  window.addEventListener('hashchange', show);
  show();
}
