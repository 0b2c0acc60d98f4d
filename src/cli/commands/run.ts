import type { Command } from 'commander';
import { notAvailable } from '../report.js';

export function register(program: Command): void {
  program
    .command('run')
    .description('(run: not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(notAvailable('run'));
}
