import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, OptionalText, stacked } from '@crm/api/http';
import { WORK_ORDER_CHANNELS, WorkOrderChannel } from '@crm/shared/domain';
import { IsBoolean, IsDateString, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** The note a step must carry: not blank, up to 2,000 characters. */
function StepNote(example: string): PropertyDecorator {
  return stacked(
    ApiProperty({ example }),
    IsString(),
    Matches(/\S/, { message: 'note must not be blank' }),
    MaxLength(2000),
  );
}

class StepAtDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'When it happened (default now); not in the future' })
  @IsOmittable()
  @IsDateString({ strict: true })
  at?: string;
}

/** `POST /api/requests/:id/contact`: the customer was contacted (a fault repair: the crew arrived). */
export class ContactWorkOrderDto extends StepAtDto {
  @StepNote('已电话联系客户，约定明日上门')
  note!: string;
}

/** `POST /api/requests/:id/handle`: the result; a complaint also needs cause and accountability. */
export class HandleWorkOrderDto extends StepAtDto {
  @ApiProperty({ description: 'What was found and done (for a complaint: the investigation)' })
  @IsString()
  @MaxLength(4000)
  result!: string;

  @OptionalText(4000, 'Cause analysis; required for a complaint')
  cause?: string;

  @OptionalText(4000, 'Who answers for it and how; required for a complaint')
  accountability?: string;
}

/** `POST /api/requests/:id/callback`: by someone other than the handler; solved=false reopens. */
export class CallbackWorkOrderDto extends StepAtDto {
  @ApiProperty()
  @IsBoolean()
  solved!: boolean;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction!: number;

  @StepNote('客户表示问题已解决')
  note!: string;
}

/** `POST /api/requests/:id/urge`: a repeat contact about the open order. */
export class UrgeWorkOrderDto {
  @ApiProperty({ enum: WORK_ORDER_CHANNELS, description: 'Where the customer came back through' })
  @IsIn(WORK_ORDER_CHANNELS)
  channel!: WorkOrderChannel;

  @StepNote('客户再次来电催办')
  note!: string;
}
