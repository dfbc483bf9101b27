import type { CodeTable } from '../code-table.js';

/** QC0xx: the command line itself and internal failures. */
export const generalCodes = {
  QC001: {
    title: 'invalid option',
    description: 'An option or argument is missing, unknown or has a value of the wrong kind.',
    hint: 'Run the command with --help to see its options.',
  },
  QC002: {
    title: 'file not found',
    description: 'A file or folder named on the command line or in qcode.yaml does not exist.',
    hint: 'Check the path; relative paths are resolved against the project folder (-C).',
  },
  QC003: {
    title: 'file not readable',
    description: 'A file exists but could not be read (permissions, a folder where a file was expected).',
    hint: 'Check the file permissions and that the path names a file.',
  },
  QC004: {
    title: 'refusing to overwrite',
    description: 'An output file already exists and holds work that would be lost.',
    hint: 'Pass --force to replace it, or choose another output path with -o.',
  },
  QC005: {
    title: 'file not writable',
    description: 'An output file or folder could not be written.',
    hint: 'Check that the folder exists and is writable.',
  },
  QC006: {
    title: 'not a terminal',
    description: 'An interactive command was run without a terminal on standard input and output.',
    hint: 'Run it in a terminal, or use the scripted alternative the message names.',
  },
  QC007: {
    title: 'not a place for an output',
    description:
      'An output path names a folder, a socket or block device, a path below a file, or a place inside /proc, /sys or /dev other than the streams (/dev/null, /dev/stdout, /dev/stderr, /dev/tty, /dev/fd/N).',
    hint: 'Give a file path (-o out/table.csv), or - for standard output.',
  },
  QC008: {
    title: 'outputs from different runs',
    description:
      'Files a command writes together (a coding file and its evidence) are not from the same run: the run that wrote them was interrupted while replacing them, or one was replaced by hand.',
    hint: 'Run the command that wrote them again; it replaces the whole set.',
  },
  QC009: {
    title: 'too many problems',
    description:
      'A file gave so many errors that it is clearly not what it was read as (say, a corpus given as a ratings table, or a file with the wrong delimiter); qcode stopped reading it rather than list them all.',
    hint: 'Check that the file is the kind the option expects; the first errors listed show what is wrong.',
  },
  QC010: {
    title: 'input changed during the run',
    description:
      'A command that reads the corpus twice (a pass for the ids, another for the text it prints) found it changed between the passes, so what it would write would mix two corpora.',
    hint: 'Run the command again once the corpus is no longer being written.',
  },
  QC099: {
    title: 'internal error',
    description: 'qcode hit a bug: this is not a problem with your files.',
    hint: 'Please report it with the command you ran; set QCODE_DEBUG=1 to see the stack trace.',
  },
} as const satisfies CodeTable;
