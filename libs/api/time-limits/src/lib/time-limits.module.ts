import { Module } from '@nestjs/common';
import { CalendarModule } from '@crm/api/calendar';
import { ClockScanService } from './clock-scan.service';
import { TimeLimitsRepository } from './time-limits.repository';
import { TimeLimitsService } from './time-limits.service';

/** Clocks of every time limit (steps, commitments, later work orders and audit findings) and their scan. */
@Module({
  imports: [CalendarModule],
  providers: [TimeLimitsService, TimeLimitsRepository, ClockScanService],
  exports: [TimeLimitsService, ClockScanService],
})
export class TimeLimitsModule {}
