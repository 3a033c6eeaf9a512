import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@crm/api/http';
import {
  CUSTOMER_LOOKUP_FIELDS,
  CUSTOMER_LOOKUP_MAX_LENGTH,
  CUSTOMER_LOOKUP_MIN_LENGTH,
  CustomerLookupField,
  CustomerLookupHit,
} from '@crm/shared/domain';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CustomerLookupQueryDto {
  @ApiPropertyOptional({
    minLength: CUSTOMER_LOOKUP_MIN_LENGTH,
    maxLength: CUSTOMER_LOOKUP_MAX_LENGTH,
    description: 'A name fragment, or the start of an account number, credit code or contact phone; none finds nothing',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsOmittable()
  @IsString()
  @MinLength(CUSTOMER_LOOKUP_MIN_LENGTH)
  @MaxLength(CUSTOMER_LOOKUP_MAX_LENGTH)
  q?: string;
}

export class CustomerLookupHitDto implements CustomerLookupHit {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() accountNo!: string;
  @ApiProperty({ enum: CUSTOMER_LOOKUP_FIELDS, description: 'The field that matched' }) field!: CustomerLookupField;
  @ApiProperty({ description: 'The matching value: name, account number, credit code or phone' }) value!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Whose phone matched' }) contactName!: string | null;
}
