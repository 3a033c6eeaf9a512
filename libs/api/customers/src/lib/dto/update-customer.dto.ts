import { ApiProperty, PartialType } from '@nestjs/swagger';
import { CustomerUpdate } from '@crm/shared/domain';
import { IsInt, Max, Min } from 'class-validator';
import { CustomerFieldsDto } from './customer-fields.dto';

/** Any editable fields, plus the `version` the client read (a stale one is a 409). */
export class UpdateCustomerDto
  extends PartialType(CustomerFieldsDto, { skipNullProperties: false })
  implements Pick<CustomerUpdate, 'version'>
{
  @ApiProperty({ type: 'integer', example: 3, minimum: 1, maximum: 2_147_483_647 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version!: number;
}
