import { Spinner } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { useState } from 'react';
import { toGovdraftError } from '../../../server/errors.ts';
import { type Client, unwrap } from '../../client.ts';
import { writeOutputFile } from '../../files.ts';
import { useClient } from '../contexts/client.tsx';
import { TextField } from './text-field.tsx';

/** What POST /api/check is asked to annotate: the same request as the check it follows. */
export type AnnotateRequest = {
  text?: string;
  file?: { fileName: string; contentBase64: string };
  ledger?: { fileName: string; contentBase64: string };
  year?: number;
};

/** The annotated copy of a .docx: checked against the stored ledger, a comment on each finding. */
export async function annotatedDocx(
  client: Client,
  document: { fileName: string; year?: number },
  bytes: Uint8Array,
): Promise<Buffer> {
  const file = { fileName: document.fileName, contentBase64: Buffer.from(bytes).toString('base64') };
  return annotatedBytes(client, { file, year: document.year });
}

async function annotatedBytes(client: Client, request: AnnotateRequest): Promise<Buffer> {
  const answer = await unwrap(await client.api.check.$post({ json: { ...request, annotate: true } }));
  if (!answer.annotated) throw new Error('no annotated document in the answer');
  return Buffer.from(answer.annotated.contentBase64, 'base64');
}

/**
 * Asks where to write the annotated .docx of a checked file (a comment on each finding), then
 * writes it whole or not at all. `onDone` gets the message to show (null when cancelled).
 */
export function AnnotateExport({
  request,
  defaultPath,
  width,
  onDone,
}: {
  request: AnnotateRequest;
  defaultPath: string;
  width: number;
  onDone: (message: { text: string; error: boolean } | null) => void;
}) {
  const client = useClient();
  const [running, setRunning] = useState(false);
  const write = (path: string) => {
    if (!path.trim()) return onDone(null);
    setRunning(true);
    (async () => {
      const answer = await unwrap(await client.api.check.$post({ json: { ...request, annotate: true } }));
      if (!answer.annotated) throw new Error('no annotated document in the answer');
      writeOutputFile(path.trim(), Buffer.from(answer.annotated.contentBase64, 'base64'));
      onDone({
        text: `\u5DF2\u5199\u51FA\u6279\u6CE8\u7248 ${path.trim()}\uFF08${answer.annotated.comments} \u6761\u6279\u6CE8\uFF09`,
        error: false,
      });
    })().catch((error: unknown) => onDone({ text: toGovdraftError(error).messageZh, error: true }));
  };
  return (
    <Box borderStyle="round" borderColor="cyan" width={width} flexDirection="column">
      <Text dimColor>
        {'\u6279\u6CE8\u7248 .docx \u5199\u5230\uFF08Enter \u786E\u8BA4\uFF0CEsc \u53D6\u6D88\uFF09\uFF1A'}
      </Text>
      {running ? (
        <Spinner label={'\u6B63\u5728\u751F\u6210\u6279\u6CE8\u7248\u2026'} />
      ) : (
        <TextField
          initial={defaultPath}
          width={width - 2}
          maxRows={2}
          onSubmit={write}
          onCancel={() => onDone(null)}
        />
      )}
    </Box>
  );
}
