import { ApiProperty } from '@nestjs/swagger';
import { Contact, CUSTOMER_STAGES, CustomerStage, ImportanceClass, PersonRef } from '@crm/shared/domain';
import { CreateCustomerDto } from './create-customer.dto';

class PersonRefDto implements PersonRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

/** A customer as the API returns it. */
export class CustomerDto extends CreateCustomerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CUSTOMER_STAGES }) stage!: CustomerStage;
  @ApiProperty({ type: Number, nullable: true, description: 'kVA; null: none yet (not yet energised)' })
  declare contractCapacityKva: number | null;
  declare importance: ImportanceClass;
  declare contacts: Contact[];
  declare tags: string[];
  @ApiProperty() version!: number;
  @ApiProperty({ type: PersonRefDto, nullable: true }) accountManager!: PersonRef | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CustomerPageDto {
  @ApiProperty({ type: [CustomerDto] }) items!: CustomerDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'False when total is an estimate (more than 10,000 matches)' }) totalExact!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
