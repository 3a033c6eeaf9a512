import { Column, Entity, PrimaryColumn } from 'typeorm';

/** GB/T 4754-2017 industry: a section (A–T) or a division (01–97) within one. */
@Entity('industries')
export class IndustryEntity {
  @PrimaryColumn()
  code!: string;

  @Column()
  section!: string;

  @Column({ name: 'name_zh' })
  nameZh!: string;

  @Column({ name: 'name_en' })
  nameEn!: string;
}
