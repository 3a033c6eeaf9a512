import industries from '@crm/seeds/industries.json';
import regions from '@crm/seeds/regions.json';
import { EntityManager } from 'typeorm';

/** The regions of the supply area offered by the UI (customers may name others). */
export const REGIONS = regions.regions;

/**
 * Brings the reference tables up to date with `seeds/` (insert new codes, update names). Runs at
 * every start, in production too: reference data is not demo data.
 */
export async function syncReferenceData(manager: EntityManager): Promise<void> {
  const rows = industries.industries;
  await manager.query(
    `INSERT INTO industries (code, section, name_zh, name_en)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (code) DO UPDATE SET section = EXCLUDED.section, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en`,
    [rows.map((r) => r.code), rows.map((r) => r.section), rows.map((r) => r.nameZh), rows.map((r) => r.nameEn)],
  );
}
