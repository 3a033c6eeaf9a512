import { ApiController, GetForAll } from '@crm/api/http';
import { Industry } from '@crm/shared/domain';
import { REGIONS } from './reference-data';
import { ReferenceRepository } from './reference.repository';

@ApiController('reference', 'reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceRepository) {}

  /** GB/T 4754-2017 sections and divisions. */
  @GetForAll('industries')
  listIndustries(): Promise<Industry[]> {
    return this.reference.industries();
  }

  /** Regions of the supply area. */
  @GetForAll('regions')
  listRegions(): typeof REGIONS {
    return REGIONS;
  }
}
