import { CommanderError } from 'commander';
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
    process.exitCode = 2;
  }
}
