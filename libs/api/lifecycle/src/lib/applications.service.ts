import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuthUser, DataScope } from '@crm/api/auth';
import { ChangeHistoryService, ChangeToRecord } from '@crm/api/change-history';
import { CustomersService } from '@crm/api/customers';
import { TimelineService } from '@crm/api/timeline';
import { ClockScanService, TimeLimitsService } from '@crm/api/time-limits';
import {
  ApplicationListItem,
  applicationMissingField,
  applicationRefusal,
  ApplicationView,
  capacityAfterCompletion,
  completionRefusal,
  connectionCommitmentLimit,
  energisationRefusal,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
  Page,
  stageAfterStep,
  stageWhileOpen,
  ruleDetail,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationsRepository, LockedApplication, NewStep } from './applications.repository';
import { AdvanceApplicationDto } from './dto/advance-application.dto';
import { ApplicationQueryDto } from './dto/application-query.dto';
import { CreateApplicationDto } from './dto/create-application.dto';
import {
  APPLICATION_CLOCK,
  COMMITMENT_CLOCK,
  COMMITMENT_EVENTS_SQL,
  CUSTOMER_CONSTRUCTION_STEP,
  STEP_CLOCK,
  STEP_EVENTS_SQL,
} from './lifecycle-clocks';

/** A step as the change history shows it: its code and names. */
function stepRef(step: { code: string; nameZh: string; nameEn: string }) {
  return { code: step.code, nameZh: step.nameZh, nameEn: step.nameEn };
}

type CustomerChange = Awaited<ReturnType<CustomersService['changeByApplication']>>;

/**
 * The application's change record, and the customer's own when the application changed its stage, capacity
 * or name.
 */
function applicationChanges(
  actor: AuthUser,
  app: { id: string; customerId: string },
  customerChange: CustomerChange | null,
  change: Pick<ChangeToRecord, 'action' | 'before' | 'after'>,
): ChangeToRecord[] {
  const { id, customerId } = app;
  const own: ChangeToRecord = { actor, entityType: 'application', entityId: id, customerId, ...change };
  if (!customerChange) return [own];
  return [
    own,
    { actor, entityType: 'customer', entityId: customerId, customerId, action: 'update', ...customerChange },
  ];
}

/** The clock of a step of an application. */
const stepClock = (applicationId: string, code: string) => ({
  ownerKind: STEP_CLOCK,
  ownerId: applicationId,
  clockKind: code,
});

/** The whole-connection commitment clock of an application. */
const commitmentClock = (applicationId: string) => ({
  ownerKind: APPLICATION_CLOCK,
  ownerId: applicationId,
  clockKind: COMMITMENT_CLOCK,
});

@Injectable()
export class ApplicationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly customers: CustomersService,
    private readonly timeLimits: TimeLimitsService,
    private readonly clockScan: ClockScanService,
    private readonly timeline: TimelineService,
    private readonly history: ChangeHistoryService,
  ) {}

  onModuleInit(): void {
    this.clockScan.register(STEP_CLOCK, STEP_EVENTS_SQL);
    this.clockScan.register(APPLICATION_CLOCK, COMMITMENT_EVENTS_SQL);
  }

  async list(scope: DataScope, query: ApplicationQueryDto): Promise<Page<ApplicationListItem>> {
    return this.applications.findPage(scope, query);
  }

  async get(scope: DataScope, id: string): Promise<ApplicationView> {
    const view = await this.applications.findOne(scope, id);
    if (!view) throw new NotFoundError('Application', id);
    const commitment = await this.timeLimits.read(this.dataSource.manager, commitmentClock(id));
    view.commitment = commitment && {
      limitWorkingDays: commitment.limit,
      usedWorkingDays: commitment.used,
      state: commitment.state,
    };
    return view;
  }

  /** Starts an application: its steps copy today's step table (limits included) and the first one starts at receivedAt. */
  async create(user: AuthUser, customerId: string, dto: CreateApplicationDto): Promise<ApplicationView> {
    const scope = DataScope.of(user);
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 60_000) {
      throw new InvalidInputError('receivedAt is in the future', [
        ruleDetail('receivedAt', 'receivedAt cannot be in the future', 'moment.inFuture'),
      ]);
    }
    const definitions = await this.applications.stepDefinitions(dto.type);
    const id = await this.dataSource.transaction(async (manager) => {
      const customer = await this.applications.lockCustomer(manager, scope, customerId);
      if (!customer) throw new NotFoundError('Customer', customerId);
      const refusal = applicationRefusal(customer, customer.openTypes, dto);
      if (refusal) throw new InvalidTransitionError(refusal);
      const missing = applicationMissingField(customer, dto);
      if (missing) throw new InvalidInputError(missing.message, [missing]);
      const steps: NewStep[] = definitions.map((d, i) => {
        const limit = dto.dualSupply && d.slaWorkingDaysDualSupply ? d.slaWorkingDaysDualSupply : d.slaWorkingDays;
        return {
          position: d.position,
          code: d.code,
          nameZh: d.nameZh,
          nameEn: d.nameEn,
          slaWorkingDays: limit,
          state: i === 0 ? 'in_progress' : 'pending',
          startedAt: i === 0 ? receivedAt : null,
        };
      });
      const newId = await this.applications.insertApplication(
        manager,
        {
          customerId,
          type: dto.type,
          requestedCapacityKva: dto.requestedCapacityKva ?? null,
          dualSupply: dto.dualSupply ?? false,
          newOwnerName: dto.newOwnerName?.trim() ?? null,
          stageBefore: customer.stage,
          receivedAt,
          createdBy: user.id,
        },
        steps,
      );
      const at = { customerId, startedAt: receivedAt, unit: 'working_days' as const };
      await this.timeLimits.start(manager, [
        ...(steps[0] ? [{ ...stepClock(newId, steps[0].code), ...at, limit: steps[0].slaWorkingDays }] : []),
        ...(dto.type === 'new_connection'
          ? [{ ...commitmentClock(newId), ...at, limit: connectionCommitmentLimit(dto.dualSupply ?? false) }]
          : []),
      ]);
      const stage = stageWhileOpen(dto.type);
      const customerChange = stage ? await this.customers.changeByApplication(manager, customerId, { stage }) : null;
      await this.history.record(
        manager,
        ...applicationChanges(user, { id: newId, customerId }, customerChange, {
          action: 'create',
          before: null,
          after: {
            type: dto.type,
            status: 'open',
            currentStep: steps[0] ? stepRef(steps[0]) : null,
            requestedCapacityKva: dto.requestedCapacityKva ?? null,
            dualSupply: dto.dualSupply ?? false,
            newOwnerName: dto.newOwnerName?.trim() ?? null,
            receivedAt: receivedAt.toISOString(),
          },
        }),
      );
      await this.timeline.record(manager, [
        {
          customerId,
          type: 'application_opened',
          actorId: user.id,
          summary: `${dto.type} application received`,
          data: { applicationId: newId, applicationType: dto.type, receivedAt: receivedAt.toISOString() },
        },
      ]);
      return newId;
    });
    return this.get(scope, id);
  }

  /**
   * Completes the current step at `completedAt` (default now) and starts the next one at that moment;
   * completing the last step applies the change to the customer. An advance completes the step that
   * was current when it arrived (or the `step` it names): of two simultaneous advances, one completes
   * that step and the other, finding it done once it gets the lock, is refused with 409.
   */
  async advance(user: AuthUser, id: string, dto: AdvanceApplicationDto): Promise<ApplicationView> {
    const scope = DataScope.of(user);
    const completedAt = dto.completedAt ? new Date(dto.completedAt) : new Date();
    const expected = dto.step ?? (await this.applications.currentStepCode(scope, id));
    await this.locked(scope, id, async (manager, app) => {
      const index = app.steps.findIndex((s) => s.position === app.currentPosition);
      const step = app.steps[index];
      if (expected && expected !== step.code) {
        throw new InvalidTransitionError(
          `The current step is ${step.code}, not ${expected}: someone else advanced it first`,
        );
      }
      const refusal = completionRefusal(step.startedAt as Date, completedAt, new Date());
      if (refusal) throw new InvalidInputError(refusal.message, [refusal]);
      await this.applications.completeStep(manager, id, step.position, completedAt, user.id, dto.note ?? null);
      await this.timeLimits.stop(manager, stepClock(id, step.code), completedAt);
      const last = index === app.steps.length - 1;
      const unpowered = last ? energisationRefusal(app.type, app.customerCapacityKva, app.requestedCapacityKva) : null;
      if (unpowered) throw new InvalidTransitionError(unpowered);
      const stage = stageAfterStep(app.type, index, app.steps.length);
      let customerChange: CustomerChange | null = null;
      if (last) {
        await this.applications.finish(manager, id, completedAt);
        await this.timeLimits.stop(manager, commitmentClock(id), completedAt);
        customerChange = await this.customers.changeByApplication(manager, app.customerId, {
          stage,
          capacityKva: capacityAfterCompletion(app.type, app.requestedCapacityKva),
          name: app.type === 'transfer' ? app.newOwnerName : null,
        });
      } else {
        const next = app.steps[index + 1];
        await this.applications.startStep(manager, id, next.position, completedAt);
        await this.timeLimits.start(manager, [
          {
            ...stepClock(id, next.code),
            customerId: app.customerId,
            limit: next.slaWorkingDays,
            unit: 'working_days',
            startedAt: completedAt,
          },
        ]);
        // The commitment counts the utility's time only: it waits while the customer builds.
        if (next.code === CUSTOMER_CONSTRUCTION_STEP) {
          await this.timeLimits.pause(manager, commitmentClock(id), completedAt);
        }
        if (step.code === CUSTOMER_CONSTRUCTION_STEP) {
          await this.timeLimits.resume(manager, commitmentClock(id), completedAt);
        }
        if (stage) customerChange = await this.customers.changeByApplication(manager, app.customerId, { stage });
      }
      await this.history.record(
        manager,
        ...applicationChanges(user, app, customerChange, {
          action: 'advance',
          before: { status: 'open', currentStep: stepRef(step) },
          after: { status: last ? 'completed' : 'open', currentStep: last ? null : stepRef(app.steps[index + 1]) },
        }),
      );
      await this.timeline.record(manager, [
        {
          customerId: app.customerId,
          type: last ? 'application_completed' : 'application_step',
          actorId: user.id,
          summary: `${app.type}: step ${step.code} completed${last ? '; application completed' : ''}${dto.note ? ` — ${dto.note}` : ''}`,
          data: {
            applicationId: id,
            applicationType: app.type,
            step: step.code,
            completedAt: completedAt.toISOString(),
            note: dto.note ?? null,
          },
        },
      ]);
    });
    return this.get(scope, id);
  }

  async cancel(user: AuthUser, id: string, reason: string): Promise<ApplicationView> {
    const scope = DataScope.of(user);
    await this.locked(scope, id, async (manager, app) => {
      await this.applications.cancel(manager, id, reason);
      await this.timeLimits.stopAll(manager, [STEP_CLOCK, APPLICATION_CLOCK], id, new Date());
      // A cancelled closure gives the customer back the stage it had before.
      const customerChange = stageWhileOpen(app.type)
        ? await this.customers.changeByApplication(manager, app.customerId, { stage: app.stageBefore })
        : null;
      const current = app.steps.find((s) => s.position === app.currentPosition);
      await this.history.record(
        manager,
        ...applicationChanges(user, app, customerChange, {
          action: 'cancel',
          before: { status: 'open', currentStep: current ? stepRef(current) : null, cancelReason: null },
          after: { status: 'cancelled', currentStep: null, cancelReason: reason },
        }),
      );
      await this.timeline.record(manager, [
        {
          customerId: app.customerId,
          type: 'application_cancelled',
          actorId: user.id,
          summary: `${app.type} application cancelled: ${reason}`,
          data: { applicationId: id, applicationType: app.type, reason },
        },
      ]);
    });
    return this.get(scope, id);
  }

  /** Runs `work` on the open application with its row locked; 404 out of scope, 409 once finished. */
  private locked(
    scope: DataScope,
    id: string,
    work: (manager: EntityManager, app: LockedApplication) => Promise<void>,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const app = await this.applications.lockApplication(manager, scope, id);
      if (!app) throw new NotFoundError('Application', id);
      if (app.status !== 'open') throw new InvalidTransitionError(`The application is ${app.status}`);
      await work(manager, app);
    });
  }
}
