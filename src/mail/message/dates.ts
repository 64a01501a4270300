/**
 * RFC 5322 §3.3 date-time, with the obsolete forms of §4.3 (two-digit years,
 * zone names, CFWS between tokens), parsed without backtracking regexes.
 */
import { tokenize, type Token } from './lexer';
import type { Detail } from './messages';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §4.3 obs-zone names and their offsets in minutes. */
const ZONE_NAMES: Record<string, number> = {
  UT: 0, GMT: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

/** A span inside the parsed value; absolute when a base offset was given. */
export interface DateSpan {
  offset: number;
  length: number;
}

/** What `parseDateTime` found. `date` is set whenever the value is a date-time (obsolete forms included). */
export interface DateTimeInfo {
  date?: Date;
  /** Set when the value is not a date-time: where and why. */
  error?: DateSpan & { detail: Detail };
  /** The written day of the week does not match the date. */
  weekdayMismatch?: DateSpan & { written: string; actual: string };
  /** An obsolete zone name or military letter (RFC 5322 §4.3). */
  obsoleteZone?: DateSpan & { zone: string; numeric: string };
  /** Minutes east of UTC as written (obsolete names converted; unknown military letters: 0, meaning -0000). */
  zoneMinutes?: number;
}

function isDigits(s: string): boolean {
  if (!s) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function formatZone(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Lower-case day and month names, for a case-insensitive lookup with one toLowerCase per token. */
const DAYS_LOWER = DAYS.map((d) => d.toLowerCase());
const MONTHS_LOWER = MONTHS.map((m) => m.toLowerCase());

/** The error result of `parseDateTime`: at token `t`, or over all `tokens` (the whole value) when there is none. */
function dateError(t: Token | undefined, tokens: Token[], baseOffset: number, detail: Detail): DateTimeInfo {
  if (t) return { error: { offset: t.offset, length: t.end - t.offset, detail } };
  // The whole value's span: made only here, as most values parse.
  const whole: DateSpan = tokens.length
    ? { offset: tokens[0].offset, length: tokens[tokens.length - 1].end - tokens[0].offset }
    : { offset: baseOffset, length: 0 };
  return { error: { ...whole, detail } };
}

/** Two decimal digits of `s` at `at` as a number (the caller checked they are digits). */
function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

/** Three ASCII letters at `at`, lower-cased and packed into one number; -1 when one is not a letter. */
function packedName(s: string, at: number): number {
  let key = 0;
  for (let k = 0; k < 3; k++) {
    const c = s.charCodeAt(at + k) | 0x20;
    if (c < 97 || c > 122) return -1;
    key = key * 256 + c;
  }
  return key;
}
const DAY_KEYS = DAYS_LOWER.map((d) => packedName(d, 0));
const MONTH_KEYS = MONTHS_LOWER.map((m) => packedName(m, 0));

const DAY_MS = 86_400_000;

/** Days in each month of a common year (January first). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days from 1970-01-01 to `year`-`month`-`day` (month 0-11) in the proleptic
 * Gregorian calendar, the calendar of Date.UTC: plain arithmetic, where
 * Date.UTC is a runtime call (three per Date field, 2,500 fields in a
 * transcript of 2,500 messages). Same numbers as Date.UTC(year, month, day) / DAY_MS for years 0-9999.
 */
function daysFromEpoch(year: number, month: number, day: number): number {
  // March-based year, so that the leap day is the year's last day.
  const y = month < 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month < 2 ? month + 10 : month - 2) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Days in `month` (0-11) of `year`, Gregorian leap years (every 4th, not every 100th, every 400th). */
function monthLength(year: number, month: number): number {
  return month === 1 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month];
}

/** How many decimal digits start at `at` (at most `max`). */
function digitsAt(s: string, at: number, max: number): number {
  let n = 0;
  while (n < max && at + n < s.length) {
    const c = s.charCodeAt(at + n);
    if (c < 48 || c > 57) break;
    n++;
  }
  return n;
}

/** Space, tab, CR or LF: white space to the tokenizer. */
function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/**
 * The usual form, `[Ddd, ]D[D] Mon YYYY HH:MM[:SS] +HHMM` with single spaces, no comments, a
 * four-digit year from 1900, in range and with the right weekday: its result, read by offset
 * without tokens (the general parse makes about a dozen token objects per Date field). Any
 * other value gives undefined, and the general parse below decides; for the values accepted
 * here that parse gives the same { date, zoneMinutes } (same keys, same order).
 */
function parseUsualDate(v: string): DateTimeInfo | undefined {
  let i = 0;
  let end = v.length;
  while (i < end && isWhite(v.charCodeAt(i))) i++;
  while (end > i && isWhite(v.charCodeAt(end - 1))) end--;
  let weekday = -1;
  if (i + 5 <= end && v.charCodeAt(i + 3) === 44 /* , */ && v.charCodeAt(i + 4) === 32) {
    weekday = DAY_KEYS.indexOf(packedName(v, i));
    if (weekday < 0) return undefined;
    i += 5;
  }
  const dayDigits = digitsAt(v, i, 3);
  if (dayDigits < 1 || dayDigits > 2 || v.charCodeAt(i + dayDigits) !== 32) return undefined;
  const day = dayDigits === 1 ? v.charCodeAt(i) - 48 : twoDigits(v, i);
  i += dayDigits + 1;
  if (i + 4 > end || v.charCodeAt(i + 3) !== 32) return undefined;
  const month = MONTH_KEYS.indexOf(packedName(v, i));
  if (month < 0) return undefined;
  i += 4;
  if (digitsAt(v, i, 5) !== 4 || v.charCodeAt(i + 4) !== 32) return undefined;
  const year = (v.charCodeAt(i) - 48) * 1000 + twoDigits(v, i + 1) * 10 + (v.charCodeAt(i + 3) - 48);
  if (year < 1900) return undefined;
  i += 5;
  if (digitsAt(v, i, 3) !== 2 || v.charCodeAt(i + 2) !== 58 /* : */ || digitsAt(v, i + 3, 3) !== 2) return undefined;
  const hour = twoDigits(v, i);
  const minute = twoDigits(v, i + 3);
  i += 5;
  let second = 0;
  if (v.charCodeAt(i) === 58) {
    if (digitsAt(v, i + 1, 3) !== 2) return undefined;
    second = twoDigits(v, i + 1);
    i += 3;
  }
  if (v.charCodeAt(i) !== 32) return undefined;
  i++;
  const sign = v.charCodeAt(i);
  if (i + 5 !== end || (sign !== 43 && sign !== 45) || digitsAt(v, i + 1, 4) !== 4) return undefined;
  const mm = twoDigits(v, i + 3);
  if (day < 1 || day > monthLength(year, month) || hour > 23 || minute > 59 || second > 60 || mm > 59) return undefined;
  const days = daysFromEpoch(year, month, day);
  // The same expression as the general parse (so -0000 gives -0 there and here).
  const zoneMinutes = (twoDigits(v, i + 1) * 60 + mm) * (sign === 45 ? -1 : 1);
  // 1970-01-01 was a Thursday (4); the double modulo keeps earlier days positive.
  if (weekday >= 0 && ((((days + 4) % 7) + 7) % 7) !== weekday) return undefined;
  // Date.UTC(year, month, day, hour, minute, second) in the same integer milliseconds (UTC days are all 86,400,000 ms).
  const utc = days * DAY_MS + hour * 3_600_000 + minute * 60_000 + Math.min(second, 59) * 1000 - zoneMinutes * 60000;
  return { date: new Date(utc), zoneMinutes };
}

/**
 * Parses a Date field value (the raw slice: folds and comments allowed).
 * `baseOffset` is added to every span, so passing the field's value offset
 * gives document offsets.
 */
export function parseDateTime(value: string, baseOffset = 0): DateTimeInfo {
  // The tokens are this call's own objects: shifting them in place spares a copy of each
  // (this runs for every Date field, 2,500 times in a transcript of 2,500 messages).
  const usual = parseUsualDate(value);
  if (usual) return usual;
  const tokens = tokenize(value, 0, value.length, ',:');
  if (baseOffset !== 0) {
    for (let k = 0; k < tokens.length; k++) {
      tokens[k].offset += baseOffset;
      tokens[k].end += baseOffset;
    }
  }
  const err = (t: Token | undefined, detail: Detail): DateTimeInfo => dateError(t, tokens, baseOffset, detail);
  if (tokens.length === 0) return err(undefined, ['value-empty']);
  let i = 0;
  let weekday: Token | undefined;
  // [ day-of-week "," ]
  if (tokens[i].kind === 'atom' && !isDigits(tokens[i].value)) {
    const dayIndex = DAYS_LOWER.indexOf(tokens[i].value.toLowerCase());
    if (dayIndex < 0) return err(tokens[i], ['weekday-unknown', tokens[i].value]);
    weekday = tokens[i];
    i++;
    if (tokens[i]?.kind === 'special' && tokens[i].value === ',') i++;
    else return err(tokens[i] ?? weekday, ['weekday-comma']);
  }
  const dayTok = tokens[i++];
  if (!dayTok || !isDigits(dayTok.value) || dayTok.value.length > 2) return err(dayTok, ['day-expected']);
  const monTok = tokens[i++];
  const month = monTok ? MONTHS_LOWER.indexOf(monTok.value.toLowerCase()) : -1;
  if (!monTok || month < 0) return err(monTok, ['month-expected']);
  const yearTok = tokens[i++];
  if (!yearTok || !isDigits(yearTok.value) || yearTok.value.length < 2) return err(yearTok, ['year-expected']);
  let year = Number(yearTok.value);
  // RFC 5322 §4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999; three-digit years add 1900.
  if (yearTok.value.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearTok.value.length === 3) year += 1900;
  else if (year < 1900) return err(yearTok, ['year-too-early']);
  const hourTok = tokens[i++];
  if (!hourTok || !isDigits(hourTok.value) || hourTok.value.length !== 2) return err(hourTok, ['time-expected']);
  if (!(tokens[i]?.kind === 'special' && tokens[i].value === ':')) return err(tokens[i] ?? hourTok, ['time-colon']);
  i++;
  const minTok = tokens[i++];
  if (!minTok || !isDigits(minTok.value) || minTok.value.length !== 2) return err(minTok ?? hourTok, ['minutes-expected']);
  let secTok: Token | undefined;
  if (tokens[i]?.kind === 'special' && tokens[i].value === ':') {
    i++;
    secTok = tokens[i++];
    if (!secTok || !isDigits(secTok.value) || secTok.value.length !== 2) return err(secTok ?? minTok, ['seconds-expected']);
  }
  const day = Number(dayTok.value);
  const hour = Number(hourTok.value);
  const minute = Number(minTok.value);
  const second = secTok ? Number(secTok.value) : 0;
  if (day < 1 || day > daysInMonth(year, month)) return err(dayTok, ['day-out-of-range', MONTHS[month], year, day]);
  if (hour > 23) return err(hourTok, ['hour-range']);
  if (minute > 59) return err(minTok, ['minute-range']);
  if (second > 60) return err(secTok, ['second-range']);
  const zoneTok = tokens[i++];
  if (!zoneTok) return err(tokens[i - 2] ?? undefined, ['zone-missing']);
  const info: DateTimeInfo = {};
  let zoneMinutes: number;
  const z = zoneTok.value;
  const sign = z.charCodeAt(0);
  if ((sign === 43 /* + */ || sign === 45 /* - */) && z.length === 5 && isDigits(z.slice(1))) {
    const mm = twoDigits(z, 3);
    if (mm > 59) return err(zoneTok, ['zone-minute-range']);
    zoneMinutes = (twoDigits(z, 1) * 60 + mm) * (sign === 45 ? -1 : 1);
  } else if (Object.prototype.hasOwnProperty.call(ZONE_NAMES, z.toUpperCase())) {
    zoneMinutes = ZONE_NAMES[z.toUpperCase()];
    info.obsoleteZone = { offset: zoneTok.offset, length: zoneTok.end - zoneTok.offset, zone: z, numeric: formatZone(zoneMinutes) };
  } else if (z.length === 1 && /[A-IK-Za-ik-z]/.test(z)) {
    // Military letters: RFC 5322 §4.3 says their meaning is unreliable; treat as -0000.
    zoneMinutes = 0;
    info.obsoleteZone = { offset: zoneTok.offset, length: 1, zone: z, numeric: '-0000' };
  } else {
    return err(zoneTok, ['zone-invalid', z]);
  }
  if (i < tokens.length) return err(tokens[i], ['after-zone', tokens[i].value]);
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - zoneMinutes * 60000;
  info.date = new Date(utc);
  info.zoneMinutes = zoneMinutes;
  if (weekday) {
    const actual = DAYS[new Date(Date.UTC(year, month, day)).getUTCDay()];
    if (actual.toLowerCase() !== weekday.value.toLowerCase()) {
      info.weekdayMismatch = { offset: weekday.offset, length: weekday.end - weekday.offset, written: weekday.value, actual };
    }
  }
  return info;
}

/**
 * Formats a date as RFC 5322 §3.3 `Fri, 27 Nov 2026 23:05:00 +0100`.
 * `zoneMinutes` (east of UTC) defaults to the local zone of `date`.
 */
export function formatRfc5322Date(date: Date, zoneMinutes = -date.getTimezoneOffset()): string {
  const shifted = new Date(date.getTime() + zoneMinutes * 60000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[shifted.getUTCDay()]}, ${shifted.getUTCDate()} ${MONTHS[shifted.getUTCMonth()]} ${shifted.getUTCFullYear()} ${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}:${two(shifted.getUTCSeconds())} ${formatZone(zoneMinutes)}`;
}
