import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SegmentKind, SegmentMember, SegmentPreview, SegmentRule, segmentRuleProblems } from '@crm/shared/domain';
import { LanguageService, SaveAction, shownError } from '@crm/web/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { DataTable, DisplayPipe, Field, FormActions, NameDescription, TableColumn } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { catchError, debounceTime, from, map, of, switchMap, tap } from 'rxjs';
import { parseAccountNumbers } from '../account-numbers';
import { RuleBuilder } from '../components/rule-builder';
import { ruleFromParam } from '../rule-param';
import { vocabularyColumns } from '../member-columns';
import { SegmentsApi, SegmentVocabulary } from '../segments.api';

const PREVIEW_DELAY_MS = 400;

/**
 * Creates a segment (`/segments/new`) or edits one (`/segments/:id/edit`): name, description and either a rule,
 * counted live as it changes, or (new static segments) a list of account numbers typed in or read from a CSV file.
 */
@Component({
  selector: 'crm-segment-edit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DisplayPipe,
    DataTable,
    Field,
    FormActions,
    NameDescription,
    FormsModule,
    TranslatePipe,
    RuleBuilder,
    NzAlertModule,
    NzCardModule,
    NzFormModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzSpinModule,
  ],
  templateUrl: './segment-edit.page.html',
  styles: `
    .form {
      max-width: 640px;
    }
    .count-box .label {
      margin-bottom: 4px;
    }
    .count-box {
      border: 1px solid #f0f0f0;
      border-radius: 4px;
      padding: 16px;
      text-align: center;
    }
    .live-count {
      font-size: 40px;
      font-weight: 600;
      color: #1677ff;
    }
    .upload {
      display: flex;
      gap: 16px;
      align-items: center;
      margin-top: 8px;
    }
  `,
})
export class SegmentEditPage implements OnInit {
  /** Route parameter; unset for a new segment. */
  readonly id = input<string>();
  private readonly api = inject(SegmentsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);

  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly kind = signal<SegmentKind>('dynamic');
  protected readonly rule = signal<SegmentRule>({ op: 'and', rules: [] });
  /** The rule of the link was refused: the editor starts from an empty rule. */
  protected readonly ruleParamInvalid = signal(false);
  protected readonly accountText = signal('');
  protected readonly accountNos = computed(() => parseAccountNumbers(this.accountText()));
  protected readonly vocabulary = signal<SegmentVocabulary | null>(null);
  private readonly vocabularyColumn = vocabularyColumns(this.vocabulary, this.language.current);
  protected readonly sampleColumns: TableColumn<SegmentMember>[] = [
    { key: 'accountNo', label: 'segments.column.accountNo' },
    { key: 'name', label: 'segments.column.name' },
    ...(['voltageKv', 'region', 'vipTier', 'creditRating'] as const).map((key) => this.vocabularyColumn(key)),
  ];

  /** What keeps the rule from being counted or saved, found without asking the server. */
  protected readonly problems = computed(() => (this.kind() === 'dynamic' ? segmentRuleProblems(this.rule()) : []));
  protected readonly preview = signal<SegmentPreview | null>(null);
  protected readonly counting = signal(false);
  /** The save; its error is the last refusal by the server (of a preview or of the save), of the rule as sent. */
  protected readonly action = new SaveAction();
  protected readonly builderProblems = computed(() => [
    ...this.problems(),
    ...(this.action.error()?.details.filter((d) => d.field.startsWith('rule')) ?? []),
  ]);
  /** A name and a complete rule, or (a new static segment) at least one account number. */
  protected readonly canSave = computed(
    () =>
      this.name().trim() !== '' &&
      !this.problems().length &&
      !(this.kind() === 'static' && !this.id() && !this.accountNos().length) &&
      !this.action.saving() &&
      this.vocabulary() !== null,
  );

  constructor() {
    // The live count: 400 ms after the last change of a complete rule, the newest answer wins.
    const countable = computed(() =>
      this.vocabulary() && this.kind() === 'dynamic' && !this.problems().length ? this.rule() : null,
    );
    toObservable(countable)
      .pipe(
        tap((rule) => {
          this.counting.set(rule !== null);
          this.action.error.set(null);
        }),
        debounceTime(PREVIEW_DELAY_MS),
        switchMap((rule) =>
          rule
            ? from(this.api.preview(rule)).pipe(
                map((preview) => ({ preview, error: null })),
                catchError((e: unknown) => of({ preview: null, error: shownError(e) })),
              )
            : of(null),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.counting.set(false);
        if (!result) return;
        this.preview.set(result.preview);
        this.action.error.set(result.error);
      });
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async readFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.accountText.set(await file.text());
  }

  protected async save(): Promise<void> {
    if (!this.canSave()) return;
    const id = this.id();
    const dynamic = this.kind() === 'dynamic';
    const fields = { name: this.name().trim(), description: this.description().trim() };
    await this.action.run(async () => {
      const saved = id
        ? await this.api.update(id, { ...fields, ...(dynamic ? { rule: this.rule() } : {}) })
        : await this.api.create({
            ...fields,
            kind: this.kind(),
            ...(dynamic ? { rule: this.rule() } : { accountNos: this.accountNos() }),
          });
      void this.router.navigate(['/segments', saved.id]);
    });
  }

  protected back(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/segments', id] : ['/segments']);
  }

  private async load(): Promise<void> {
    const id = this.id();
    const [vocabulary, segment] = await Promise.all([this.api.vocabulary(), id ? this.api.get(id) : null]);
    if (segment) {
      this.name.set(segment.name);
      this.description.set(segment.description);
      this.kind.set(segment.kind);
      if (segment.rule) this.rule.set(segment.rule);
    } else {
      // A new segment may start from the rule of its link: `?rule=<JSON>` (see ruleFromParam).
      const { rule, invalid } = ruleFromParam(this.route.snapshot.queryParamMap.get('rule') ?? undefined);
      if (rule) this.rule.set(rule);
      this.ruleParamInvalid.set(invalid);
    }
    this.vocabulary.set(vocabulary);
  }
}
