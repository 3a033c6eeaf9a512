import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, OptionalIn, OptionalText, OptionalUuid, PageQueryDto } from '@crm/api/http';
import {
  CREDIT_RATINGS,
  CreditRating,
  CUSTOMER_SORTS,
  CUSTOMER_STAGES,
  CustomerStage,
  REPAIR_AREAS,
  RepairArea,
  VOLTAGE_LEVELS_KV,
} from '@crm/shared/domain';
import { Type } from 'class-transformer';
import { IsIn } from 'class-validator';

export class CustomerQueryDto extends PageQueryDto {
  @OptionalText(100, 'Name (2+ characters), account number, credit code or contact phone') search?: string;

  @OptionalIn(CUSTOMER_STAGES) stage?: CustomerStage;

  @OptionalUuid() managerId?: string;

  @ApiPropertyOptional({ enum: VOLTAGE_LEVELS_KV })
  @IsOmittable()
  @Type(() => Number)
  @IsIn(VOLTAGE_LEVELS_KV)
  voltageKv?: number;

  @OptionalText(4) industry?: string;

  @OptionalText(50) region?: string;

  @OptionalIn(REPAIR_AREAS) area?: RepairArea;

  @OptionalIn(['true', 'false'], { description: 'true: customers not closed; false: closed ones' })
  inService?: 'true' | 'false';

  @OptionalIn(CREDIT_RATINGS, { description: 'The credit rating of the latest scoring run' })
  creditRating?: CreditRating;

  @OptionalIn(['true', 'false'], {
    description: 'true: customers the latest scoring run blacklisted; false: the others',
  })
  blacklisted?: 'true' | 'false';

  @OptionalIn(CUSTOMER_SORTS, { default: 'accountNo' }) sort = 'accountNo';

  @OptionalText(
    2000,
    'Keyset pagination: the nextCursor of the page before, with the same filters and sort; the page after it ' +
      '(page is then ignored). Offset pages (page) suit the first pages; the cursor is as fast at any depth.',
  )
  after?: string;
}
