import { workingCalendar } from './working-days';

/**
 * For the tests: the 2026 autumn of the State Council schedule: Mid-Autumn 25–27 Sep, National Day
 * 1–7 Oct, make-up working days Sunday 20 Sep and Saturday 10 Oct.
 */
export const calendar2026 = workingCalendar(
  [
    ...['2026-09-25', '2026-09-26', '2026-09-27'].map((date) => ({ date, working: false })),
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, working: false })),
    { date: '2026-09-20', working: true },
    { date: '2026-10-10', working: true },
  ],
  [2026],
);
