import { CommanderError } from 'commander';
import { GovdraftError } from '../server/errors.ts';
import { buildCommands } from './commands/index.ts';
import { printError } from './output.ts';

const program = buildCommands();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander already printed its (translated) message; help and version exit 0
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    printError(error);
    // 3: the --server could not be reached (not the input's fault); 2: bad input or a failed request.
    process.exitCode = GovdraftError.isInstance(error) && error.code === 'server_unreachable' ? 3 : 2;
  }
}
