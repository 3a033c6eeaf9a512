import { Injectable } from '@nestjs/common';
import { Db, execute, query } from '@crm/api/database';
import industries from '@crm/seeds/industries.json';
import { Industry } from '@crm/shared/domain';
import { DataSource } from 'typeorm';

/** The industries table (GB/T 4754-2017 sections and divisions), owned by this module. */
@Injectable()
export class ReferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  industries(): Promise<Industry[]> {
    return query<Industry>(
      this.dataSource,
      `SELECT code, section, name_zh AS "nameZh", name_en AS "nameEn" FROM industries ORDER BY code`,
    );
  }
}

/** Brings the industries up to date with seeds/: new codes are added, the names of known ones updated. */
export async function syncIndustries(db: Db): Promise<void> {
  const rows = industries.industries;
  await execute(
    db,
    `INSERT INTO industries (code, section, name_zh, name_en)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (code) DO UPDATE SET section = EXCLUDED.section, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en`,
    [rows.map((r) => r.code), rows.map((r) => r.section), rows.map((r) => r.nameZh), rows.map((r) => r.nameEn)],
  );
}
