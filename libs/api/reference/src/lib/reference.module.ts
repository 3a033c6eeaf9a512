import { Module } from '@nestjs/common';
import { ReferenceController } from './reference.controller';
import { ReferenceRepository } from './reference.repository';

/** Reference tables: industries (GB/T 4754) and the regions of the supply area. */
@Module({
  controllers: [ReferenceController],
  providers: [ReferenceRepository],
})
export class ReferenceModule {}
