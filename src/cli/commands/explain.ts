import type { Command } from 'commander';
import { notAvailable } from '../report.js';

export function register(program: Command): void {
  program
    .command('explain')
    .description('(explain: not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(notAvailable('explain'));
}
