import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzInputModule } from 'ng-zorro-antd/input';
import { Chart } from './chart/chart';
import { CellDef, DataTable } from './data-table/data-table';
import { DisplayPipe } from './display/display.pipe';
import { Field } from './field/field';
import { FilterBar } from './filter-bar/filter-bar';
import { FormDialog } from './form-dialog/form-dialog';
import { LoadStatus } from './load-status/load-status';
import { RecordStatus } from './not-found/record-status';
import { StatCards } from './stat-cards/stat-cards';

/*
 * What a kind of page always uses, for a component's `imports` (Angular takes nested arrays there):
 * `imports: [LIST_PAGE, NzTagModule, …]`. A component lists whatever else it uses itself.
 */

/** A table of rows (`crm-data-table`) and the `crmCell` templates that draw the cells its column kinds cannot. */
export const TABLE = [DataTable, CellDef] as const;

/**
 * A list page: a filter bar over a table of rows in a card, its values shown with `crmFormat` and its labels
 * translated, rows and cells linking to their records.
 */
export const LIST_PAGE = [FilterBar, TABLE, DisplayPipe, TranslatePipe, RouterLink, NzCardModule] as const;

/**
 * A record page: the record's load status ("not found", the load error or a skeleton), then cards describing its
 * fields (`nz-descriptions`), values shown with `crmFormat`, labels translated, links to related records.
 */
export const RECORD_PAGE = [
  RecordStatus,
  DisplayPipe,
  TranslatePipe,
  RouterLink,
  NzCardModule,
  NzDescriptionsModule,
] as const;

/**
 * A figures page (a report): its load status, stat cards, then charts and tables in a grid of cards, values shown
 * with `crmFormat` and labels translated.
 */
export const FIGURES_PAGE = [
  LoadStatus,
  StatCards,
  Chart,
  TABLE,
  DisplayPipe,
  TranslatePipe,
  NzCardModule,
  NzGridModule,
] as const;

/**
 * A dialog form (a record's step with `StepDialog` of @crm/web/core, a rule, a new application): `crm-form-dialog`
 * with template-driven (`ngModel`) fields, each labelled by `crm-field`, text typed in `nz-input`s and text areas.
 */
export const DIALOG_FORM = [FormDialog, Field, FormsModule, NzInputModule] as const;
