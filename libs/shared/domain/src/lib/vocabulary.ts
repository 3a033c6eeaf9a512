/** Vocabulary of DESIGN.md ("Core vocabulary"), shared by the API and the web app. */

export const VOLTAGE_LEVELS_KV = [10, 20, 35, 66, 110, 220, 330, 500] as const;
export type VoltageKv = (typeof VOLTAGE_LEVELS_KV)[number];

export const TARIFF_CATEGORIES = ['large_industry', 'general_commercial', 'agriculture', 'other'] as const;
export type TariffCategory = (typeof TARIFF_CATEGORIES)[number];

/** Important-customer class (重要电力用户), weakest first. */
export const IMPORTANCE_CLASSES = ['none', 'temporary', 'level2', 'level1', 'special'] as const;
export type ImportanceClass = (typeof IMPORTANCE_CLASSES)[number];

/** Customer stage, derived from its applications (DESIGN.md, "Lifecycle"). */
export const CUSTOMER_STAGES = ['applying', 'connecting', 'active', 'suspended', 'closing', 'closed'] as const;
export type CustomerStage = (typeof CUSTOMER_STAGES)[number];

export const APPLICATION_TYPES = [
  'new_connection',
  'capacity_increase',
  'capacity_reduction',
  'suspension',
  'resumption',
  'transfer',
  'closure',
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const SLA_STATES = ['on_time', 'warning', 'overdue'] as const;
export type SlaState = (typeof SLA_STATES)[number];
