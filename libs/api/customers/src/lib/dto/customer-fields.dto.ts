import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumberWithPlaces, IsOmittable, OptionalIn } from '@crm/api/http';
import {
  CustomerFields,
  IMPORTANCE_CLASSES,
  ImportanceClass,
  REPAIR_AREAS,
  RepairArea,
  TARIFF_CATEGORIES,
  TariffCategory,
  VOLTAGE_LEVELS_KV,
  VoltageKv,
} from '@crm/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ContactDto } from './contact.dto';
import { IsCreditCode, IsNotBlank } from './validators';

/**
 * The editable fields of a customer, with the rules of DESIGN.md; shared by create and update.
 * No property initializers here: PartialType would copy them into every update.
 */
export class CustomerFieldsDto
  implements Omit<CustomerFields, 'importance' | 'contacts' | 'tags' | 'contractCapacityKva'>
{
  @ApiProperty({ example: '温州瓯江精密机械有限公司' })
  @IsString()
  @IsNotBlank()
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '91350100M000100Y43', description: 'Unified social credit code (GB 32100-2015)' })
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ example: '34', description: 'GB/T 4754-2017 code (GET /api/reference/industries)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4)
  industry!: string;

  @ApiProperty({ enum: VOLTAGE_LEVELS_KV, example: 10 })
  @IsIn(VOLTAGE_LEVELS_KV, { message: `voltageKv must be one of ${VOLTAGE_LEVELS_KV.join(', ')}` })
  voltageKv!: VoltageKv;

  @ApiPropertyOptional({
    type: Number,
    example: 1250,
    nullable: true,
    description: 'kVA. May be left out or null while the customer is not yet energised (applying, connecting)',
  })
  @IsOmittable()
  @ValidateIf((_, v) => v !== null)
  @IsNumberWithPlaces(2)
  @Min(1)
  @Max(10_000_000)
  contractCapacityKva?: number | null;

  @ApiProperty({ enum: TARIFF_CATEGORIES })
  @IsIn(TARIFF_CATEGORIES)
  tariffCategory!: TariffCategory;

  @ApiProperty({ example: '鹿城区' })
  @IsString()
  @IsNotBlank()
  @MaxLength(50)
  region!: string;

  @ApiProperty({ example: '温州市鹿城区工业园区 88 号' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  address!: string;

  @OptionalIn(REPAIR_AREAS, { default: 'urban', description: 'Sets the fault-repair time limits' })
  area?: RepairArea;

  @OptionalIn(IMPORTANCE_CLASSES, { default: 'none' })
  importance?: ImportanceClass;

  @ApiPropertyOptional({ type: [ContactDto], default: [] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];

  @ApiPropertyOptional({ type: [String], example: ['重点用户'], default: [] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(30, { each: true })
  tags?: string[];
}
