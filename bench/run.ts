// `npm run bench`: prints speed and size figures. Each section lives in its own file and prints its own
// lines; nothing here asserts a time.
import { benchCollect } from './collect';
import { benchCore } from './core';
import { benchFunctions } from './functions';
import { benchHostile } from './hostile';
import { benchPane } from './pane';
import { benchRoster } from './roster';
import { benchRosterScale } from './rosterScale';
import { benchRosterSheet } from './rosterSheet';
import { benchSheet } from './sheet';
import { benchStartup } from './startup';

const sections: [string, () => Promise<void> | void][] = [
  ['command-line start-up', benchStartup],
  ['rubric core', benchCore],
  ['custom functions', benchFunctions],
  ['live worksheets', benchSheet],
  ['roster', benchRoster],
  ['task pane', benchPane],
  ['roster workbook', benchRosterSheet],
  ['rosters at scale (100,000 rows; 10,000 end to end)', benchRosterScale],
  ['collecting submitted sheets', benchCollect],
  ['hostile workbooks', benchHostile],
];

for (const [name, section] of sections) {
  console.log(`\n== ${name} ==`);
  await section();
}
