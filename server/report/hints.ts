/** What a formatted source (Markdown, HTML, .docx) says about structure that plain text cannot. */
export interface HeadingHint {
  /** Offset of the heading's first character in the extracted text. */
  start: number;
  /** 1 for #, <h1>, Word's Title; 2 for ##, <h2>… */
  level: number;
}

/** Text extracted from a formatted source, with the headings it marked. */
export interface ExtractedText {
  text: string;
  headings: HeadingHint[];
}
