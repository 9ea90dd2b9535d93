import { type Client, unwrap } from '../client.ts';

/** What POST /api/check is asked to annotate: the same request as the check it follows. */
export type AnnotateRequest = {
  text?: string;
  file?: { fileName: string; contentBase64: string };
  ledger?: { fileName: string; contentBase64: string };
  year?: number;
};

/** The annotated copy of a checked document: a .docx with a Word comment on each finding. */
export interface Annotated {
  bytes: Buffer;
  /** How many comments it holds. */
  comments: number;
}

/** Checks a document again and returns its annotated .docx (POST /api/check with annotate). */
export async function annotatedCopy(client: Client, request: AnnotateRequest): Promise<Annotated> {
  const answer = await unwrap(await client.api.check.$post({ json: { ...request, annotate: true } }));
  if (!answer.annotated) throw new Error('no annotated document in the answer');
  return {
    bytes: Buffer.from(answer.annotated.contentBase64, 'base64'),
    comments: answer.annotated.comments,
  };
}
