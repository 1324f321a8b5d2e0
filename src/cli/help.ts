/**
 * Help text for `kindred --help` and `kindred COMMAND --help`. Kept beside the option
 * tables in args.ts; DESIGN.md's "Command line" section is the contract both follow.
 */
import type { CommandName } from './args';

const OVERVIEW = `kindred: keep a small, trusted network alive, from the command line.

Usage:
  kindred due    [VAULT] [--today yyyy-MM-dd] [--all] [--json]
  kindred log    VAULT PERSON [--date yyyy-MM-dd] [--channel WORD] [--note TEXT] [--gave|--received]
  kindred review [VAULT] [--today yyyy-MM-dd] [--json]
  kindred ics    [VAULT] [--today yyyy-MM-dd] [-o FILE]

Commands:
  due      who is due to reconnect, most urgent first
  log      add a dated touchpoint to a person's note and move last_contact forward
  review   the network review: inner circle, balance, spread, who to let go
  ics      a calendar with one recurring reconnect event per tracked person

VAULT is an Obsidian vault folder; it defaults to the bundled example vault.
Settings are read from VAULT/.obsidian/plugins/kindred/data.json when present.
Run 'kindred COMMAND --help' for a command's options.

'kindred --version' prints the version (the plugin's, from manifest.json).

Exit codes: 0 success, 1 user error (nothing written), 2 bad usage.
`;

const COMMAND_HELP: Record<CommandName, string> = {
	due: `Usage: kindred due [VAULT] [--today yyyy-MM-dd] [--all] [--json]

Lists the people who need action, most urgent first: overdue and due today, never
contacted, due soon, and notes with a value Kindred could not read.

Options:
  --today yyyy-MM-dd   compute as of this date (default: today, local time)
  --all                everyone, including up to date, snoozed, paused, archived
                       and untracked people
  --json               machine-readable: { "today": ..., "people": [ ... ] }
  -h, --help           show this help

VAULT defaults to the bundled example vault.
`,
	log: `Usage: kindred log VAULT PERSON [--date yyyy-MM-dd] [--channel WORD] [--note TEXT] [--gave|--received]

Adds one line under the person's log heading (default "## Interactions") and moves
last_contact forward (never backward), in one write of the note. Everything else in
the note stays byte for byte. Nothing is written when the note cannot be edited safely.

PERSON is a vault-relative path (People/Ana Ruiz.md), or a unique name or alias.

Options:
  --date yyyy-MM-dd    when it happened (default: today, local time; not in the future)
  --channel WORD       how: call, coffee, message, email, video, meal, event, ...
  --note TEXT          what you talked about (one line)
  --gave               you gave something (an intro, feedback, help)
  --received           you received something
  -h, --help           show this help

Example:
  kindred log ~/Notes "Ana Ruiz" --channel call --note "Talked about her move"
`,
	review: `Usage: kindred review [VAULT] [--today yyyy-MM-dd] [--json]

The network review: the inner circle against its target, the give-and-take balance,
the spread across circles, and relationships worth letting go.

Options:
  --today yyyy-MM-dd   compute as of this date (default: today, local time)
  --json               machine-readable output
  -h, --help           show this help
`,
	ics: `Usage: kindred ics [VAULT] [--today yyyy-MM-dd] [-o FILE]

An iCalendar file with one recurring reconnect event per tracked person, starting
from their next due date. Printed to standard output unless -o names a file.

Options:
  --today yyyy-MM-dd   compute as of this date (default: today, local time)
  -o, --output FILE    write the calendar to FILE ('-' for standard output)
  -h, --help           show this help
`,
};

export function helpText(topic: CommandName | null): string {
	return topic === null ? OVERVIEW : COMMAND_HELP[topic];
}
