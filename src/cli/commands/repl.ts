import type { Command } from 'commander';
import { notAvailable } from '../report.js';

export function register(program: Command): void {
  program
    .command('repl')
    .description('(repl: not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(notAvailable('repl'));
}
