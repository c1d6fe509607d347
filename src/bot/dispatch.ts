/** Each intent to its handler: the table the conversation dispatches a command through. */
import type { Command, Intent } from '../commands/command.ts';
import type { Ctx, Handler, Resolved } from './context.ts';
import { answer, touch } from './handlers/answers.ts';
import { cards } from './handlers/cards.ts';
import * as occasions from './handlers/occasions.ts';
import * as contacts from './handlers/contacts.ts';
import { detail, rename } from './handlers/details.ts';
import { add, met } from './handlers/met.ts';
import { keep } from './handlers/typed-buttons.ts';
import { exportData } from './handlers/export.ts';
import { forget } from './handlers/forget.ts';
import { help, start } from './handlers/help.ts';
import { review } from './handlers/review.ts';
import * as settings from './handlers/settings.ts';
import * as sources from './handlers/sources.ts';
import * as touches from './handlers/touches.ts';
import { undo } from './handlers/undo.ts';
import * as views from './handlers/views.ts';
import type { Reply } from '../port.ts';

type CommandOf = { [I in Intent]: Extract<Command, { intent: I }> };
type Handlers = { [I in Intent]: Handler<CommandOf[I]> };

const noPending: Handler = async (ctx) => [{ text: [ctx.t.nothingPending()] }];

const handlers: Handlers = {
  met,
  add,
  note: contacts.note,
  tier: contacts.tier,
  cadence: contacts.cadence,
  archive: contacts.archive,
  delete: contacts.remove,
  keep,
  rename,
  detail,
  intro: contacts.intro,
  touch,
  remind: touches.remind,
  done: answer,
  noanswer: answer,
  skip: answer,
  snooze: answer,
  today: views.today,
  overdue: views.overdue,
  show: views.show,
  find: views.find,
  list: views.list,
  stats: views.stats,
  review,
  settings: settings.settings,
  pause: settings.pause,
  resume: settings.resume,
  export: exportData,
  cards,
  birthday: occasions.birthday,
  address: occasions.address,
  forget,
  undo,
  help,
  start,
  confirm: noPending,
  cancel: noPending,
  calendar: sources.calendar,
  caldav: sources.caldav,
  mail: sources.mail,
  sourceOption: sources.sourceOption,
  sources: sources.sources,
  disconnect: sources.disconnect,
  sync: sources.sync,
};

export function dispatch(ctx: Ctx, command: Command, resolved: Resolved = {}): Promise<Reply[]> {
  return handle(command.intent, ctx, command, resolved);
}

/** Indexed by the intent, so the handler's command type follows it (no cast). */
function handle<I extends Intent>(intent: I, ctx: Ctx, command: CommandOf[I], resolved: Resolved): Promise<Reply[]> {
  const handler: Handler<CommandOf[I]> = handlers[intent];
  return handler(ctx, command, resolved);
}
