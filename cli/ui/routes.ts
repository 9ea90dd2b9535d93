/** The screens of the terminal UI and what each is opened with. */
export type Route =
  | { name: 'home' }
  | { name: 'draft-new' }
  | { name: 'workspace'; draftId: string }
  | { name: 'check'; draftId?: string }
  | { name: 'chat' }
  | { name: 'corpus' };

/** Moves to another screen. */
export type Navigate = (route: Route) => void;
