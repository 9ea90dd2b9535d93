import { Text } from 'ink';
import { toGovdraftError } from '../../../server/errors.ts';

/** An error as users read it: the Chinese message, the English cause dimmed. */
export function ErrorLine({ error }: { error: unknown }) {
  const e = toGovdraftError(error);
  return (
    <Text wrap="wrap">
      <Text color="red">错误:{e.messageZh}</Text>
      <Text dimColor>
        {' '}
        ({e.code}: {e.message})
      </Text>
    </Text>
  );
}

/** An error's Chinese message alone, for a status line. */
export const errorText = (error: unknown): string => toGovdraftError(error).messageZh;
