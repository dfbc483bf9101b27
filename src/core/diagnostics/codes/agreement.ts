import type { CodeTable } from '../code-table.js';

/** QC6xx: reliability. */
export const agreementCodes = {
  QC601: {
    title: 'ratings file header',
    description: 'A --ratings file needs a header: `unit` and one column per coder (wide), or `unit,coder,value` (long).',
    hint: 'Start the file with a header row such as `unit,alice,bob` or `unit,coder,value`.',
  },
  QC602: {
    title: 'value not a declared category',
    description: 'A rating is not one of the categories given with --categories.',
    hint: 'Add the value to --categories, or correct the rating; leave the cell empty for a missing rating.',
  },
  QC603: {
    title: 'duplicate rating',
    description: 'A unit appears twice in a wide ratings file, or a coder rates the same unit twice in a long one.',
    hint: 'Keep one row per unit (wide) or one row per unit and coder (long).',
  },
  QC604: {
    title: 'fewer than two coders',
    description: 'Reliability compares two or more coders; the input names fewer.',
    hint: 'Name at least two coders with --coders a,b or give two coding files.',
  },
  QC605: {
    title: 'level needs numbers',
    description: 'The interval and ratio levels need every category to be a number (ratio: not negative).',
    hint: 'Use --level nominal or ordinal, or declare numeric categories with --categories.',
  },
  QC606: {
    title: 'reliability below threshold',
    description: 'A coefficient checked by --fail-under is below the threshold, or undefined.',
    hint: 'Review the codes with low agreement, refine the codebook and recode; or lower the threshold knowingly.',
  },
  QC607: {
    title: 'metric not computed',
    description: 'The metric named by --metric is not computed for these data (for example Cohen’s κ with three coders).',
    hint: 'Choose a metric from the output of qcode agree --format json.',
  },
  QC608: {
    title: 'duplicate category',
    description: 'A category is declared twice in --categories.',
    hint: 'List each category once, in order.',
  },
  QC609: {
    title: 'no ratings',
    description: 'The ratings file has a header but no rows.',
    hint: 'Check that the right file was given.',
  },
  QC610: {
    title: 'categories ordered alphabetically',
    description: 'An ordinal level was asked for without --categories and the values are not all numbers, so their order is a guess.',
    hint: 'Declare the order with --categories low,mid,high.',
  },
  QC611: {
    title: 'duplicate coder',
    description: 'A coder is named twice, in --coders or in the header of a ratings file.',
    hint: 'Name each coder once.',
  },
} as const satisfies CodeTable;
