import { MessageCode, MessageParams } from './messages';
/**
 * What the billing and metering systems can import by CSV (API.md, "Data import"), and the work orders
 * of the 95598 system (API.md, "Requests and complaints").
 */
export const IMPORT_KINDS = ['customers', 'consumption', 'bills', 'payments', 'work-orders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportColumn {
  /** The header of the CSV column. */
  name: string;
  required: boolean;
}

const column = (name: string, required = true): ImportColumn => ({ name, required });

/** The columns of each kind of file, in the order of the template the web app offers. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  customers: [
    column('accountNo'),
    column('name'),
    column('creditCode'),
    column('industry'),
    column('voltageKv'),
    column('contractCapacityKva'),
    column('tariffCategory'),
    column('region'),
    column('address'),
    column('importance', false),
    column('contactName'),
    column('contactPhone'),
    column('managerUsername', false),
  ],
  consumption: [column('accountNo'), column('period'), column('kwh'), column('maxDemandKw'), column('powerFactor')],
  bills: [column('accountNo'), column('period'), column('amount'), column('dueDate')],
  payments: [column('accountNo'), column('period'), column('paidAt'), column('amount')],
  /**
   * channel, type and topic: the code or the Chinese or English name of the reference data; externalRef:
   * the channel's order number (a re-sent order is skipped); receivedAt: `YYYY-MM-DD HH:MM[:SS]` in China
   * time, or ISO 8601 with an offset.
   */
  'work-orders': [
    column('channel'),
    column('externalRef'),
    column('accountNo'),
    column('type'),
    column('topic', false),
    column('summary'),
    column('receivedAt'),
    column('contactName', false),
    column('contactPhone', false),
  ],
};

export interface ImportRowError {
  /** 1 is the first data row (the header is not counted). 0 for a problem with the file itself. */
  row: number;
  field: string | null;
  /** English, for integrators; people read `code` with `params` (`messages.<code>`) in their language. */
  message: string;
  code: MessageCode;
  params: MessageParams;
}

/** The answer to an import; also the body of the 422 when a file with bad rows imported nothing. */
export interface ImportReport {
  kind: ImportKind;
  /** Rows written or already up to date. 0 when a file with bad rows was refused as a whole. */
  accepted: number;
  /** Rows with at least one error. */
  rejected: number;
  inserted: number;
  updated: number;
  /** Accepted rows that were already in the database exactly so (re-imports). */
  unchanged: number;
  /** Each bad row and field, first rows first; at most IMPORT_ERROR_LIMIT of them. */
  errors: ImportRowError[];
  errorsTruncated: boolean;
  durationMs: number;
}

export const IMPORT_ERROR_LIMIT = 1000;
