import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndustryEntity } from './industry.entity';
import { ReferenceController } from './reference.controller';

/** Reference tables: industries (GB/T 4754) and the regions of the supply area. */
@Module({
  imports: [TypeOrmModule.forFeature([IndustryEntity])],
  controllers: [ReferenceController],
})
export class ReferenceModule {}
