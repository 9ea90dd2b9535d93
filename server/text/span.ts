/** A character range into a text: the one position type of readers, checks and chat. */

/** Half-open character range [start, end) into `Report.text` (UTF-16 code units = characters for Chinese). */
export interface Span {
  start: number;
  end: number;
}
