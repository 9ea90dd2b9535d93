import { useInput } from 'ink';
import { useRef, useState } from 'react';
import { inverseRow, type Line, wrapSegments } from '../layout/wrap.ts';
import { Lines } from './lines.tsx';

export interface TextFieldProps {
  /** The text to start from (a title or paragraph being edited). */
  initial?: string;
  /** Cells per row; the text wraps, so long Chinese paragraphs stay visible. */
  width: number;
  /** Rows shown at most; the window follows the cursor. */
  maxRows?: number;
  placeholder?: string;
  /** Enter: the value as typed so far, even when the text and Enter arrive in one chunk. */
  onSubmit: (value: string) => void;
  /** Esc. */
  onCancel?: () => void;
  /** Every change, synchronously (the owner can save an edit in progress on Ctrl-C). */
  onChange?: (value: string) => void;
  isActive?: boolean;
}

interface Editing {
  value: string;
  /** Cursor offset in UTF-16 code units, always on a code point boundary. */
  cursor: number;
}

const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The offset one code point before / after `at`. */
const stepBack = (value: string, at: number): number =>
  Math.max(0, at - (at >= 2 && isLow(value.charCodeAt(at - 1)) ? 2 : 1));
const stepForward = (value: string, at: number): number =>
  Math.min(value.length, at + ((value.codePointAt(at) ?? 0) > 0xffff ? 2 : 1));

/** Applies one key to the text; returns 'submit' / 'cancel' when the key ends editing. */
function applyKey(
  state: Editing,
  input: string,
  key: Parameters<Parameters<typeof useInput>[0]>[1],
): 'submit' | 'cancel' | null {
  const { value, cursor } = state;
  if (key.return) return 'submit';
  if (key.escape) return 'cancel';
  if (key.leftArrow) state.cursor = stepBack(value, cursor);
  else if (key.rightArrow) state.cursor = stepForward(value, cursor);
  else if (key.home || (key.ctrl && input === 'a')) state.cursor = 0;
  else if (key.end || (key.ctrl && input === 'e')) state.cursor = value.length;
  else if (key.backspace || key.delete) {
    const from = stepBack(value, cursor);
    state.value = value.slice(0, from) + value.slice(cursor);
    state.cursor = from;
  } else if (key.ctrl && input === 'd')
    state.value = value.slice(0, cursor) + value.slice(stepForward(value, cursor));
  else if (key.ctrl && input === 'u') {
    state.value = value.slice(cursor);
    state.cursor = 0;
  } else if (key.ctrl && input === 'k') state.value = value.slice(0, cursor);
  else if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.tab || key.pageUp || key.pageDown)
    return null;
  else if (input) {
    // A paste (or fast typing) can bring text and Enter in one chunk: insert the text, then submit.
    const ends = /[\r\n]$/.test(input);
    const text = input.replace(/[\r\n]+/g, '');
    state.value = value.slice(0, cursor) + text + value.slice(cursor);
    state.cursor = cursor + text.length;
    if (ends) return 'submit';
  }
  return null;
}

/** The text with the cursor drawn as an inverse cell, wrapped; the index of the cursor's row. */
function layout(
  state: Editing,
  width: number,
  placeholder: string,
  showCursor: boolean,
): { lines: Line[]; cursorRow: number } {
  const { value, cursor } = state;
  if (!showCursor) {
    const lines = wrapSegments(
      [value ? { text: value } : { text: placeholder, style: { dimColor: true } }],
      width,
    );
    return { lines, cursorRow: 0 };
  }
  const at = stepForward(value, cursor);
  const cursorCell = value.slice(cursor, at) || ' ';
  const segments = [
    { text: value.slice(0, cursor) },
    { text: cursorCell, style: { inverse: true } },
    value ? { text: value.slice(at) } : { text: placeholder, style: { dimColor: true } },
  ];
  const lines = wrapSegments(segments, width);
  return { lines, cursorRow: Math.max(0, inverseRow(lines)) };
}

/**
 * A text input for Chinese titles and paragraphs: wraps by display width, moves by code point, and
 * keeps the value in a ref so Enter right after typing (or a paste ending in a newline) submits
 * what was typed rather than the value of the last render.
 */
export function TextField({
  initial = '',
  width,
  maxRows = 6,
  placeholder = '',
  onSubmit,
  onCancel,
  onChange,
  isActive = true,
}: TextFieldProps) {
  const state = useRef<Editing>({ value: initial, cursor: initial.length });
  const [, redraw] = useState(0);
  // Set while rendering, so a key arriving right after focus moved goes to the right field even
  // before React has re-attached the input listeners.
  const active = useRef(isActive);
  active.current = isActive;
  useInput((input, key) => {
    if (!active.current) return;
    const before = state.current.value;
    const outcome = applyKey(state.current, input, key);
    if (state.current.value !== before) onChange?.(state.current.value);
    if (outcome === 'submit') onSubmit(state.current.value);
    else if (outcome === 'cancel') onCancel?.();
    else redraw((n) => n + 1);
  });
  const { lines, cursorRow } = layout(state.current, width, placeholder, isActive);
  const first = Math.max(0, Math.min(cursorRow - maxRows + 1, lines.length - maxRows));
  return <Lines lines={lines.slice(first, first + maxRows)} />;
}
