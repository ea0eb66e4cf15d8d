/** Deadlines in working days (Monday to Friday, UTC); public holidays are not counted out. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

export const ACK_WORKING_DAYS = 2;
export const ANSWER_DAYS = 30;
