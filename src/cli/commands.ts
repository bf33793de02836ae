// Every `ocpi` subcommand, in the order `ocpi --help` lists them.
import type { Command } from './command';
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { mockCommand } from './commands/mock';
import { validateCommand } from './commands/validate';

/** The subcommands of `ocpi`. */
export const COMMANDS: readonly Command[] = [validateCommand, checkCommand, mockCommand, demoCommand];
