import { Injectable } from '@nestjs/common';
import { CalendarService } from '@crm/api/calendar';
import { ClockMoments, clockMoments, ClockState, clockState, ClockUnit, clockUsedSoFar } from '@crm/shared/domain';
import { EntityManager } from 'typeorm';
import { ClocksStart } from './clock-sql';
import { ClockKey, TimeLimitsRepository } from './time-limits.repository';

export interface StartClock extends ClockKey {
  customerId: string;
  limit: number;
  unit: ClockUnit;
  startedAt: Date;
}

export interface ClockReading {
  limit: number;
  unit: ClockUnit;
  used: number;
  state: ClockState;
  warnAt: Date;
  dueAt: Date;
}

/**
 * Clocks: started, paused, resumed and stopped by their owners inside the owners' transactions. The
 * moments (warn_at, due_at) are computed once here from the domain rule (clockMoments) and stored;
 * states are read from them (clockStateSql for lists, clockState for one clock).
 */
@Injectable()
export class TimeLimitsService {
  constructor(
    private readonly clocks: TimeLimitsRepository,
    private readonly calendar: CalendarService,
  ) {}

  async start(manager: EntityManager, clocks: StartClock[]): Promise<void> {
    if (!clocks.length) return;
    const calendar = await this.calendar.calendar();
    // Clocks started together share their moments (an audit run opens thousands at one instant): computed once.
    const computed = new Map<string, ClockMoments>();
    const momentsOf = (c: StartClock) => {
      const key = `${c.startedAt.getTime()}:${c.limit}:${c.unit}`;
      if (!computed.has(key)) computed.set(key, clockMoments(c.startedAt, c.limit, c.unit, calendar));
      return computed.get(key) as ClockMoments;
    };
    await this.clocks.insert(
      manager,
      clocks.map((c) => {
        const moments = momentsOf(c);
        return {
          ...c,
          limitValue: c.limit,
          limitUnit: c.unit,
          warnAt: moments.warnAt,
          dueAt: moments.dueAt,
          calendarEstimated: moments.estimated,
        };
      }),
    );
  }

  /**
   * Clocks of `ownerKind` of these limits all started at `startedAt`, to be inserted set-wise by clocksInsertFrom
   * in the owner's statement: the moments of each limit, as start computes them.
   */
  async startedTogether(ownerKind: string, unit: ClockUnit, startedAt: Date, limits: number[]): Promise<ClocksStart> {
    const calendar = await this.calendar.calendar();
    const moments = [...new Set(limits)].map((limit) => ({
      limit,
      ...clockMoments(startedAt, limit, unit, calendar),
    }));
    return { ownerKind, unit, startedAt, moments };
  }

  async stop(manager: EntityManager, key: ClockKey, at: Date): Promise<void> {
    await this.clocks.stop(manager, key, at);
  }

  /** Stops every open clock of these owner kinds for one owner id (e.g. a cancelled application). */
  async stopAll(manager: EntityManager, ownerKinds: string[], ownerId: string, at: Date): Promise<void> {
    await this.clocks.stopAll(manager, ownerKinds, ownerId, at);
  }

  /** Pauses a running clock (waiting for the customer): what it used so far is kept. */
  async pause(manager: EntityManager, key: ClockKey, at: Date): Promise<void> {
    const clock = await this.clocks.lockOpen(manager, key);
    if (!clock || clock.pausedAt) return;
    const used = clockUsedSoFar({ ...clock, stoppedAt: null }, at, await this.calendar.calendar());
    await this.clocks.pause(manager, clock.id, at, used);
  }

  /** Resumes a paused clock: its moments are computed again from `at` with what is left of its limit. */
  async resume(manager: EntityManager, key: ClockKey, at: Date): Promise<void> {
    const clock = await this.clocks.lockOpen(manager, key);
    if (!clock?.pausedAt) return;
    const calendar = await this.calendar.calendar();
    const moments = clockMoments(at, Number(clock.limitValue), clock.limitUnit, calendar, clock.usedBefore);
    await this.clocks.resume(manager, clock.id, at, moments);
  }

  /** One clock read now: its limit, what it used and its state; null when it was never started. */
  async read(manager: EntityManager, key: ClockKey, now = new Date()): Promise<ClockReading | null> {
    const clock = await this.clocks.find(manager, key);
    if (!clock) return null;
    return {
      limit: Number(clock.limitValue),
      unit: clock.limitUnit,
      used: clockUsedSoFar(clock, now, await this.calendar.calendar()),
      state: clockState(clock, now),
      warnAt: clock.warnAt,
      dueAt: clock.dueAt,
    };
  }
}
