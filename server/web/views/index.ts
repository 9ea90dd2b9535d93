/** The web page's views: one per tab, and the shell's drawer and token dialog. */
export { ChatView } from './chat.tsx';
export { CheckView } from './check.tsx';
export { CorpusView } from './corpus.tsx';
export { DraftsView } from './drafts.tsx';
export { Drawer, TokenDialog } from './shell.tsx';
