import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import { NewCustomer } from '@crm/shared/domain';
import { IsUUID, Matches } from 'class-validator';
import { CustomerFieldsDto } from './customer-fields.dto';

export class CreateCustomerDto
  extends CustomerFieldsDto
  implements Omit<NewCustomer, 'importance' | 'contacts' | 'tags'>
{
  @ApiProperty({ example: '3302000001', description: "The utility's account number (户号): 6 to 20 digits" })
  @Matches(/^\d{6,20}$/, { message: 'accountNo must be 6 to 20 digits' })
  accountNo!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Admin and leader only; an account manager creating a customer owns it',
  })
  @IsOmittable()
  @IsUUID()
  managerId?: string;
}
