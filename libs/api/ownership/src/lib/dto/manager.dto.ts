import { ApiProperty } from '@nestjs/swagger';
import { HandoverPreview, HandoverResult, ManagerWorkload, PersonRef } from '@crm/shared/domain';

export class ManagerDto implements PersonRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
}

export class ManagerWorkloadDto implements ManagerWorkload {
  @ApiProperty({ type: ManagerDto }) manager!: ManagerDto;
  @ApiProperty({ description: 'Customers that are not closed' }) customers!: number;
  @ApiProperty({ description: 'kVA' }) totalCapacityKva!: number;
  @ApiProperty({ description: 'Open applications and tasks of these customers' }) openWork!: number;
}

export class HandoverResultDto implements HandoverResult {
  @ApiProperty({ description: 'Customers moved' }) moved!: number;
}

export class HandoverPreviewDto implements HandoverPreview {
  @ApiProperty({ description: 'Customers that are not closed' }) customers!: number;
  @ApiProperty({ description: 'Open applications of these customers' }) openApplications!: number;
  @ApiProperty({ description: 'Open service tasks of these customers' }) openTasks!: number;
  @ApiProperty({ description: 'Requests and complaints of these customers that are not closed' })
  openRequests!: number;
}
