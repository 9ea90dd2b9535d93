/** The work-report model: parse text, Markdown, HTML and .docx into a Report; render it back. */
export { docxContainerError } from './docx-container.ts';
export { docxLimits, wordDocument } from './docx-limits.ts';
export { defaultMaxReportBytes, type ParseFileOptions, parseReportFile } from './file.ts';
export { detectFormat } from './format.ts';
export type { ExtractedText, HeadingHint } from './hints.ts';
export { isJunkLine } from './junk.ts';
export { extractMarkdown } from './markdown.ts';
export { isOfficeName, orgKeys, sameOrg } from './org.ts';
export { reportParagraphs } from './paragraphs.ts';
export { parseReportText } from './parse.ts';
export { renderMarkdown, renderText } from './render.ts';
export { renderDocx } from './render-docx.ts';
export { itemHeading, type RunIn } from './run-in.ts';
export { reportFromJson } from './stored.ts';
export { titleOrg, titlePlanYear, titleYear } from './title.ts';
export { isTruncated, topicSentence } from './topic.ts';
export type * from './types.ts';
