import { ApiProperty } from '@nestjs/swagger';
import {
  Contact,
  CUSTOMER_STAGES,
  CUSTOMER_TOTAL_KINDS,
  CustomerStage,
  CustomerTotalKind,
  ImportanceClass,
  PersonRef,
} from '@crm/shared/domain';
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
  @ApiProperty({ description: 'False when there are more than 1,000 matches (totalKind says what total is then)' })
  totalExact!: boolean;
  @ApiProperty({
    enum: CUSTOMER_TOTAL_KINDS,
    description:
      "exact: the count (up to 1,000); estimate: the planner's estimate of more than 1,000; atLeast: more than 1,000 (total is 1,001)",
  })
  totalKind!: CustomerTotalKind;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `after` for the next page (keyset pagination, fast at any depth); null on the last page',
  })
  nextCursor!: string | null;
}
