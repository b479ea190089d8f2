import type { CommanderError } from 'commander';
import { OptionError } from './usageError.js';

/** A flag as a person types one; anything else given where a flag was expected could be data. */
const FLAG = /^--?[A-Za-z][A-Za-z0-9-]{0,40}$/;

/** Commander's "(Did you mean --x?)": a name of ours, safe to repeat. */
const suggestion = (message: string) => {
  const m = /\(Did you mean (.+)\?\)/.exec(message);
  return m ? `; did you mean ${m[1]}?` : '';
};

/**
 * Commander's errors without the values they quote: an invalid option value,
 * an unknown option or an unknown command can be a file name or a case
 * detail typed in the wrong place. What is kept are our own option and
 * argument names, choices and counts.
 */
export function commanderMessage(error: CommanderError, commands: readonly string[]): OptionError {
  const message = error.message.replace(/^error: /, '');
  switch (error.code) {
    case 'commander.unknownOption': {
      // Named only when it is a near miss of one of ours (a typo carries no data); otherwise counted.
      const flag = /^unknown option '([^']*)'/.exec(message)?.[1] ?? '';
      const near = suggestion(message);
      return new OptionError(`${near && FLAG.test(flag) ? `unknown option ${flag}` : 'unknown option'}${near}`);
    }
    case 'commander.unknownCommand':
      return new OptionError(`unknown command${suggestion(message)} (the commands are ${commands.join(', ')})`);
    case 'commander.invalidArgument': {
      const flags = /^option '([^']*)' argument/.exec(message)?.[1];
      const option = flags?.match(/--[A-Za-z0-9-]+/)?.[0] ?? flags?.split(/[ ,]/)[0];
      const argument = /is invalid for argument '([^']+)'/.exec(message)?.[1];
      const at = message.lastIndexOf(' is invalid.');
      const detail = at >= 0 ? message.slice(at + ' is invalid.'.length).trim() : '';
      const choices = /^Allowed choices are (.+)\.$/.exec(detail)?.[1];
      if (option) {
        // The detail is our parser's own fixed text (or commander's list of choices).
        const what = choices ? `${option} must be one of ${choices}` : detail.startsWith(option) ? detail : detail ? `${option}: ${detail}` : `${option} is not valid`;
        return new OptionError(what);
      }
      return new OptionError(argument ? `the <${argument}> argument is not valid` : 'an argument is not valid');
    }
    default:
      // Missing arguments, too many arguments, a missing option value: our own names and counts only.
      return new OptionError(message.split('\n')[0] ?? 'the command line is not valid');
  }
}
