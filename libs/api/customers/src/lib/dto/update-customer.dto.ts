import { ApiProperty, PartialType } from '@nestjs/swagger';
import { CustomerUpdate } from '@crm/shared/domain';
import { IsInt, Min } from 'class-validator';
import { CustomerFieldsDto } from './customer-fields.dto';

/** Any editable fields, plus the `version` the client read (a stale one is a 409). */
export class UpdateCustomerDto extends PartialType(CustomerFieldsDto) implements Pick<CustomerUpdate, 'version'> {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  version!: number;
}
