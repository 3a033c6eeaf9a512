import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

/** `POST /api/marketing-audit/findings/:id/{rectify|verify|dismiss|reopen}`. */
export class AuditActionDto {
  @ApiProperty({ description: 'What was done, or why it is dismissed or reopened (at least 2 characters)' })
  @IsString()
  @MaxLength(2000)
  note!: string;

  @ApiProperty({ description: 'The version of the finding that was read' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version!: number;
}
