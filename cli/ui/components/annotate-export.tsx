import { Spinner } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { useState } from 'react';
import { type AnnotateRequest, annotatedCopy } from '../../services/annotate.ts';
import { writeOutputFile } from '../../services/output-file.ts';
import { useClient } from '../contexts/client.tsx';
import { errorText } from './error-line.tsx';
import { TextField } from './text-field.tsx';

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
      const annotated = await annotatedCopy(client, request);
      await writeOutputFile(path.trim(), annotated.bytes);
      onDone({
        text: `\u5DF2\u5199\u51FA\u6279\u6CE8\u7248 ${path.trim()}\uFF08${annotated.comments} \u6761\u6279\u6CE8\uFF09`,
        error: false,
      });
    })().catch((error: unknown) => onDone({ text: errorText(error), error: true }));
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
