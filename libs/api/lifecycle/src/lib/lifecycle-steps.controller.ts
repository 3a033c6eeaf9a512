import { Body, Param, Put, Query } from '@nestjs/common';
import { ApiController, EnumParam, GetForAll, Roles } from '@crm/api/http';
import {
  APPLICATION_TYPES,
  ApplicationType,
  InvalidInputError,
  LifecycleStepDefinition,
  NotFoundError,
  ruleDetail,
} from '@crm/shared/domain';
import { ApplicationsRepository } from './applications.repository';
import { UpdateStepDefinitionDto } from './dto/step-definition.dto';

function applicationType(value: string | undefined): ApplicationType | undefined {
  if (value === undefined) return undefined;
  if (!(APPLICATION_TYPES as readonly string[]).includes(value)) {
    throw new InvalidInputError(`Unknown application type ${value}`, [
      ruleDetail('type', `type must be one of ${APPLICATION_TYPES.join(', ')}`, 'validation.isIn', {
        values: APPLICATION_TYPES.join(', '),
      }),
    ]);
  }
  return value as ApplicationType;
}

/** The step table: steps and default time limits per application type (admins edit it). */
@ApiController('applications', 'lifecycle/steps')
export class LifecycleStepsController {
  constructor(private readonly applications: ApplicationsRepository) {}

  @GetForAll()
  list(@Query('type') type?: string): Promise<LifecycleStepDefinition[]> {
    return this.applications.stepDefinitions(applicationType(type));
  }

  /** Changes names and limits; applications already started keep the limits they started with. */
  @Put(':type/:code')
  @Roles('admin')
  async update(
    @EnumParam('type', APPLICATION_TYPES) type: ApplicationType,
    @Param('code') code: string,
    @Body() body: UpdateStepDefinitionDto,
  ): Promise<LifecycleStepDefinition[]> {
    if (
      !(await this.applications.updateStepDefinition(type, code, {
        ...body,
        slaWorkingDaysDualSupply: body.slaWorkingDaysDualSupply ?? null,
      }))
    ) {
      throw new NotFoundError('Step', `${type}/${code}`);
    }
    return this.applications.stepDefinitions(type);
  }
}
