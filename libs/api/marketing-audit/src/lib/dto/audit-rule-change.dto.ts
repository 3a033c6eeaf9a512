import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, OptionalIn } from '@crm/api/http';
import { AUDIT_SEVERITIES, AuditParameters, AuditRuleChange, AuditSeverity } from '@crm/shared/domain';
import { IsBoolean, IsInt, IsObject, Max, Min } from 'class-validator';

/** `PUT /api/marketing-audit/rules/:code`: what changes; the parameters are checked against the rule's specs. */
export class AuditRuleChangeDto implements AuditRuleChange {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;

  @OptionalIn(AUDIT_SEVERITIES)
  severity?: AuditSeverity;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Every parameter of the rule, by key (whole numbers within bounds, tariff category lists)',
  })
  @IsOmittable()
  @IsObject()
  parameters?: AuditParameters;

  @ApiProperty({ description: 'The version of the rule that was read' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version!: number;
}
