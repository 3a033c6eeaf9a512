import { ApiProperty } from '@nestjs/swagger';
import {
  APPLICATION_STATUSES,
  APPLICATION_TYPES,
  ApplicationStatus,
  ApplicationStepView,
  ApplicationType,
  ApplicationView,
  CLOCK_STATES,
  ClockState,
  CommitmentView,
  CUSTOMER_STAGES,
  CustomerStage,
  SLA_STATES,
  SlaState,
  STEP_STATES,
  StepState,
} from '@crm/shared/domain';

/** The response shape of the application routes, for the OpenAPI document (the shape itself is ApplicationView). */
class ApplicationCustomerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() accountNo!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CUSTOMER_STAGES }) stage!: CustomerStage;
}

class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

class ApplicationStepDto implements ApplicationStepView {
  @ApiProperty() position!: number;
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'The Chinese name, as nameZh' }) name!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() slaWorkingDays!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) dueDate!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) warningDate!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ type: PersonDto, nullable: true }) completedBy!: PersonDto | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ enum: STEP_STATES }) state!: StepState;
  @ApiProperty({ enum: SLA_STATES }) sla!: SlaState;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Working days past the due date (to completion, cancellation or today); null while not past due',
  })
  workingDaysLate!: number | null;
  @ApiProperty({ description: "True when the due date's year has no holiday calendar: weekends only were counted" })
  calendarEstimated!: boolean;
}

class CommitmentDto implements CommitmentView {
  @ApiProperty({ description: '22 single supply, 32 dual supply' }) limitWorkingDays!: number;
  @ApiProperty() usedWorkingDays!: number;
  @ApiProperty({ enum: CLOCK_STATES }) state!: ClockState;
}

export class ApplicationViewDto implements ApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: ApplicationCustomerDto }) customer!: ApplicationCustomerDto;
  @ApiProperty({ type: PersonDto, nullable: true }) accountManager!: PersonDto | null;
  @ApiProperty({ enum: APPLICATION_TYPES }) type!: ApplicationType;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Code of the step in progress' }) currentStep!:
    | string
    | null;
  @ApiProperty({ nullable: true, type: Number }) requestedCapacityKva!: number | null;
  @ApiProperty() dualSupply!: boolean;
  @ApiProperty({ nullable: true, type: String }) newOwnerName!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ enum: SLA_STATES, description: 'SLA of the current step (or of the worst step once finished)' })
  sla!: SlaState;
  @ApiProperty({ type: [ApplicationStepDto] }) steps!: ApplicationStepDto[];
  @ApiProperty({
    type: CommitmentDto,
    nullable: true,
    description: 'The whole-connection commitment of a new connection; null for other types',
  })
  commitment!: CommitmentDto | null;
}
