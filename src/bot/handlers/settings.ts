/** /settings, /pause, /resume. */
import type { Command } from '../../commands/command.ts';
import type { Language } from '../../core/types.ts';
import { addDays } from '../../core/dates.ts';
import { updateUserSettings, type UserSettingsPatch } from '../../store/users.ts';
import { catalog } from '../../i18n/index.ts';
import type { Ctx, Handler } from '../context.ts';
import { effectiveRegion, holidayCalendar, NO_HOLIDAYS } from '../../holidays/index.ts';
import type { HolidaysShown } from '../../i18n/help-topics.ts';
import type { Reply } from '../../port.ts';
import { change } from './undoable.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** The public holidays in effect, as /settings shows them. */
async function holidaysShown(ctx: Ctx): Promise<HolidaysShown> {
  const calendar = await holidayCalendar();
  const region = effectiveRegion(calendar, ctx.user.holidays, ctx.user.language, ctx.user.timeZone);
  return { region, name: region === null ? null : calendar.regionName(region, ctx.user.language), derived: ctx.user.holidays === null };
}

/**
 * /settings holidays DE-BY | none: a region the holiday library knows (else a
 * short answer and no change). Which days are working days changes, so the
 * next nudge is planned again.
 */
async function setHolidays(ctx: Ctx, value: string): Promise<Reply[]> {
  const calendar = await holidayCalendar();
  const region = value === NO_HOLIDAYS ? NO_HOLIDAYS : calendar.region(value);
  if (region === undefined) return [{ text: [ctx.t.unknownHolidayRegion(value)] }];
  await change(ctx, { key: 'settings' }, (ch) => updateUserSettings(ch, { holidays: region }));
  if (region === NO_HOLIDAYS) return [{ text: [ctx.t.holidaysOff()] }];
  const { language } = ctx.user;
  return [{ text: [ctx.t.holidaysSet(calendar.regionName(region, language), region, calendar.upcoming(region, ctx.today, 3, language), ctx.today)] }];
}

export const settings: Handler<Of<'settings'>> = async (ctx, command) => {
  const { user } = ctx;
  if (command.key === undefined || command.value === undefined) return [{ text: ctx.t.settingsOverview(user, ctx.today, await holidaysShown(ctx)) }];
  let patch: UserSettingsPatch;
  switch (command.key) {
    case 'time':
      patch = { nudge_time: command.value };
      break;
    case 'timezone':
      patch = { time_zone: command.value };
      break;
    case 'days':
      patch = { nudge_days: command.value };
      break;
    case 'count':
      patch = { nudge_count: Number(command.value) };
      break;
    case 'language':
      patch = { language: command.value };
      break;
    case 'cadence':
      patch = command.tier === 'A' ? { cadence_a: command.cadenceDays } : { cadence_b: command.cadenceDays };
      break;
    case 'holidays':
      return setHolidays(ctx, command.value);
  }
  await change(ctx, { key: 'settings' }, (ch) => updateUserSettings(ch, patch));
  // A new language answers in that language right away.
  const t = command.key === 'language' ? catalog(command.value as Language) : ctx.t;
  return [{ text: [t.settingChanged(command)] }];
};

export const pause: Handler<Of<'pause'>> = async (ctx, command) => {
  const from = command.from !== undefined && command.from > ctx.today ? command.from : null;
  await change(ctx, { key: 'pause' }, (ch) => updateUserSettings(ch, { paused_until: command.until, paused_from: from }));
  return [{ text: [from === null ? ctx.t.paused(command.until, ctx.today) : ctx.t.pausedRange(from, addDays(command.until, -1), ctx.today)] }];
};

export const resume: Handler<Of<'resume'>> = async (ctx) => {
  if (ctx.user.pausedUntil === null || ctx.user.pausedUntil <= ctx.today) return [{ text: [ctx.t.notPaused()] }];
  await change(ctx, { key: 'resume' }, (ch) => updateUserSettings(ch, { paused_until: null, paused_from: null }));
  return [{ text: [ctx.t.resumed()] }];
};
