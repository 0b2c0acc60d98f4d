import type { Command } from 'commander';
import { notAvailable } from '../report.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('(serve: not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(notAvailable('serve'));
}
