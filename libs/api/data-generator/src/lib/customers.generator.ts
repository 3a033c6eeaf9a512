import {
  Contact,
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  CustomerStage,
  ELECTRICAL_CONTACT_ROLE,
  ImportanceClass,
  RepairArea,
  TariffCategory,
  VoltageKv,
} from '@crm/shared/domain';
import { Random } from './random';

/** Regions of the demo supply area (Wenzhou) with their administrative division codes. */
export const DEMO_REGIONS = [
  { code: '330302', name: '鹿城区', weight: 14 },
  { code: '330303', name: '龙湾区', weight: 16 },
  { code: '330304', name: '瓯海区', weight: 13 },
  { code: '330305', name: '洞头区', weight: 2 },
  { code: '330381', name: '瑞安市', weight: 15 },
  { code: '330382', name: '乐清市', weight: 16 },
  { code: '330383', name: '龙港市', weight: 5 },
  { code: '330324', name: '永嘉县', weight: 7 },
  { code: '330326', name: '平阳县', weight: 6 },
  { code: '330327', name: '苍南县', weight: 4 },
  { code: '330328', name: '文成县', weight: 1 },
  { code: '330329', name: '泰顺县', weight: 1 },
] as const;

type NameStyle =
  | 'company'
  | 'hospital'
  | 'school'
  | 'government'
  | 'transport'
  | 'hotel'
  | 'mall'
  | 'datacenter'
  | 'water';

/** How each industry of the demo population looks: its share, name words, tariff and importance. */
export interface IndustryProfile {
  code: string;
  weight: number;
  words: readonly string[];
  style: NameStyle;
  tariff: TariffCategory;
  importance: readonly (readonly [ImportanceClass, number])[];
  /** Share of customers above 10 kV in this industry (heavy industry connects higher). */
  highVoltage: number;
}

const NONE: readonly (readonly [ImportanceClass, number])[] = [['none', 1]];

export const INDUSTRY_PROFILES: readonly IndustryProfile[] = [
  {
    code: '38',
    weight: 14,
    words: ['电气', '开关', '电器', '电力设备', '智能电气'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.12,
  },
  {
    code: '34',
    weight: 10,
    words: ['机械', '泵阀', '通用机械', '精密机械', '阀门'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.1,
  },
  {
    code: '19',
    weight: 9,
    words: ['鞋业', '皮革', '制鞋'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.03,
  },
  {
    code: '33',
    weight: 7,
    words: ['五金', '金属制品', '紧固件', '锁业'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.06,
  },
  {
    code: '29',
    weight: 6,
    words: ['塑胶', '塑料', '橡塑'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.05,
  },
  {
    code: '26',
    weight: 5,
    words: ['化工', '新材料', '精细化工'],
    style: 'company',
    tariff: 'large_industry',
    importance: [
      ['none', 6],
      ['level2', 3],
      ['level1', 1],
    ],
    highVoltage: 0.3,
  },
  {
    code: '32',
    weight: 3,
    words: ['铜业', '铝业', '有色金属'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.45,
  },
  {
    code: '31',
    weight: 2,
    words: ['钢铁', '特钢', '不锈钢'],
    style: 'company',
    tariff: 'large_industry',
    importance: [
      ['none', 8],
      ['level2', 2],
    ],
    highVoltage: 0.6,
  },
  {
    code: '39',
    weight: 4,
    words: ['电子', '光电', '半导体'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.2,
  },
  {
    code: '18',
    weight: 4,
    words: ['服饰', '服装', '制衣'],
    style: 'company',
    tariff: 'general_commercial',
    importance: NONE,
    highVoltage: 0.02,
  },
  {
    code: '36',
    weight: 3,
    words: ['汽车部件', '汽配', '汽车电器'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.15,
  },
  {
    code: '30',
    weight: 3,
    words: ['建材', '水泥', '玻璃'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.35,
  },
  {
    code: '27',
    weight: 2,
    words: ['制药', '药业', '生物医药'],
    style: 'company',
    tariff: 'large_industry',
    importance: [
      ['none', 7],
      ['level2', 3],
    ],
    highVoltage: 0.15,
  },
  {
    code: '13',
    weight: 2,
    words: ['食品', '粮油', '水产加工'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.05,
  },
  {
    code: '22',
    weight: 2,
    words: ['纸业', '包装'],
    style: 'company',
    tariff: 'large_industry',
    importance: NONE,
    highVoltage: 0.1,
  },
  {
    code: '44',
    weight: 1,
    words: ['热电', '能源'],
    style: 'company',
    tariff: 'large_industry',
    importance: [['level1', 1]],
    highVoltage: 0.8,
  },
  {
    code: '46',
    weight: 1,
    words: ['供水'],
    style: 'water',
    tariff: 'general_commercial',
    importance: [
      ['level1', 6],
      ['level2', 4],
    ],
    highVoltage: 0.2,
  },
  {
    code: '84',
    weight: 3,
    words: ['人民医院', '中医院', '妇幼保健院', '中心医院'],
    style: 'hospital',
    tariff: 'general_commercial',
    importance: [
      ['level1', 5],
      ['level2', 4],
      ['special', 1],
    ],
    highVoltage: 0.1,
  },
  {
    code: '83',
    weight: 3,
    words: ['学院', '职业技术学院', '中学'],
    style: 'school',
    tariff: 'general_commercial',
    importance: [
      ['none', 7],
      ['level2', 3],
    ],
    highVoltage: 0.03,
  },
  {
    code: '92',
    weight: 2,
    words: ['市政府办公大楼', '行政服务中心', '公安局'],
    style: 'government',
    tariff: 'general_commercial',
    importance: [
      ['level2', 6],
      ['level1', 3],
      ['special', 1],
    ],
    highVoltage: 0.05,
  },
  {
    code: '53',
    weight: 1,
    words: ['南站', '铁路枢纽', '轨道交通运营'],
    style: 'transport',
    tariff: 'general_commercial',
    importance: [
      ['level1', 7],
      ['special', 3],
    ],
    highVoltage: 0.5,
  },
  {
    code: '56',
    weight: 0.3,
    words: ['国际机场'],
    style: 'transport',
    tariff: 'general_commercial',
    importance: [['special', 1]],
    highVoltage: 1,
  },
  {
    code: '59',
    weight: 2,
    words: ['物流', '冷链仓储', '港口码头'],
    style: 'company',
    tariff: 'general_commercial',
    importance: NONE,
    highVoltage: 0.05,
  },
  {
    code: '61',
    weight: 2,
    words: ['大酒店', '国际酒店'],
    style: 'hotel',
    tariff: 'general_commercial',
    importance: NONE,
    highVoltage: 0.02,
  },
  {
    code: '52',
    weight: 3,
    words: ['购物中心', '商业广场', '超市'],
    style: 'mall',
    tariff: 'general_commercial',
    importance: [
      ['none', 8],
      ['temporary', 2],
    ],
    highVoltage: 0.03,
  },
  {
    code: '70',
    weight: 3,
    words: ['置业', '房地产开发'],
    style: 'company',
    tariff: 'general_commercial',
    importance: NONE,
    highVoltage: 0.02,
  },
  {
    code: '64',
    weight: 1,
    words: ['数据中心', '云计算中心'],
    style: 'datacenter',
    tariff: 'large_industry',
    importance: [
      ['level2', 6],
      ['level1', 4],
    ],
    highVoltage: 0.4,
  },
  {
    code: '48',
    weight: 2,
    words: ['建设', '市政工程', '隧道工程'],
    style: 'company',
    tariff: 'general_commercial',
    importance: [
      ['none', 7],
      ['temporary', 3],
    ],
    highVoltage: 0.05,
  },
  {
    code: '01',
    weight: 1.5,
    words: ['农业开发', '现代农业园', '茶业'],
    style: 'company',
    tariff: 'agriculture',
    importance: NONE,
    highVoltage: 0,
  },
  {
    code: '04',
    weight: 1,
    words: ['水产养殖', '渔业'],
    style: 'company',
    tariff: 'agriculture',
    importance: NONE,
    highVoltage: 0,
  },
];

const PLACES = ['温州', '浙江', '瓯越', '浙南', '瑞安', '乐清', '永嘉', '平阳', '苍南', '龙湾', '鹿城', '瓯海'];
const BRANDS = [
  '瓯江',
  '东海',
  '华强',
  '宏达',
  '金鑫',
  '天和',
  '鸿昌',
  '永兴',
  '瑞丰',
  '恒通',
  '顺发',
  '新亚',
  '中联',
  '海峰',
  '三利',
  '远景',
  '隆盛',
  '嘉禾',
  '富春',
  '明珠',
  '佳和',
  '南洋',
  '康宁',
  '盛世',
  '光明',
  '华美',
  '大洋',
  '兴业',
  '正和',
  '奥康',
  '长丰',
  '天正',
  '人和',
  '德力',
  '宝利',
  '通达',
  '润泽',
  '星辰',
  '凯旋',
  '博远',
  '华东',
  '信和',
  '万和',
  '广源',
  '捷安',
  '汇丰',
  '欧亚',
  '国泰',
  '伟业',
  '荣盛',
  '金桥',
  '联创',
  '安泰',
  '新星',
  '东方',
  '雁荡',
  '楠溪',
  '江心',
  '大罗',
  '玉苍',
];
const SUFFIXES = [
  ['有限公司', 7],
  ['股份有限公司', 2],
  ['集团有限公司', 1],
] as const;
const STREETS = [
  '工业园区',
  '经济技术开发区',
  '滨海园区',
  '创业大道',
  '车站大道',
  '温州大道',
  '学院路',
  '瓯江路',
  '东游路',
  '科技园路',
  '兴港路',
  '高新大道',
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '郑',
  '潘',
  '叶',
  '金',
  '蔡',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '建国',
  '志强',
  '海燕',
  '晓东',
  '国平',
  '文斌',
  '丽华',
  '建华',
  '卫东',
];
const CONTACT_ROLES = [
  ELECTRICAL_CONTACT_ROLE,
  '总经理',
  '财务负责人',
  '安全员',
  '办公室主任',
  '设备科长',
  '动力部经理',
];
const TAGS = [
  ['重点用户', 3],
  ['高耗能', 2],
  ['双电源', 2],
  ['光伏', 2],
  ['储能', 1],
  ['充电桩', 1],
  ['出口企业', 2],
  ['专精特新', 1],
] as const;

/** Standard transformer sizes (kVA) that fit each voltage level. */
const CAPACITIES: Record<number, readonly number[]> = {
  10: [315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000],
  20: [2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000],
  35: [5000, 6300, 8000, 10000, 12500, 16000, 20000, 25000, 31500, 40000],
  110: [31500, 40000, 50000, 63000, 80000, 100000, 126000, 150000],
  220: [150000, 180000, 240000, 300000, 360000, 480000],
};

const STAGES: readonly (readonly [CustomerStage, number])[] = [
  ['active', 84],
  ['applying', 4],
  ['connecting', 4],
  ['suspended', 3],
  ['closing', 1],
  ['closed', 4],
];

/** The supply areas of the key accounts: mostly urban, some rural, a few remote (mountain counties). */
const AREAS: readonly (readonly [RepairArea, number])[] = [
  ['urban', 60],
  ['rural', 30],
  ['remote', 10],
];
/** The areas are drawn from a stream of their own, so the rest of a seed's customers stay as they were. */
const AREA_STREAM = 0x41524541;

export interface GeneratedCustomer {
  accountNo: string;
  name: string;
  creditCode: string;
  industry: string;
  voltageKv: VoltageKv;
  contractCapacityKva: number;
  tariffCategory: TariffCategory;
  region: string;
  address: string;
  importance: ImportanceClass;
  tags: string[];
  stage: CustomerStage;
  /** Index into the list of account managers the caller assigns customers to. */
  managerIndex: number;
  /** Where its supply is, for the fault-repair limits. */
  area: RepairArea;
  createdAt: Date;
  contacts: Contact[];
}

/** The most customers the generator expects to give one account manager (drawn at random, a few more at most). */
export const MANAGER_BOOK_LIMIT = 320;

/**
 * Uneven workloads, as in life: the first managers carry more customers than the last, but no book grows past
 * MANAGER_BOOK_LIMIT of the `customers` generated in all: the managers whose share would are capped at it and
 * the rest is spread over the others in the same proportions (unless there are too few managers for that).
 */
export function managerWeights(managers: number, customers: number): number[] {
  const weights = Array.from({ length: managers }, (_, i) => 1 / (1 + i * 0.35));
  if (managers * MANAGER_BOOK_LIMIT < customers) return weights.map(() => 1);
  let rest = weights.reduce((a, b) => a + b, 0);
  // The first `capped` managers (the heaviest) get the limit; the others their weight's share of what remains.
  for (let capped = 0; capped < managers; capped++) {
    const perWeight = (customers - capped * MANAGER_BOOK_LIMIT) / rest;
    if (weights[capped] * perWeight <= MANAGER_BOOK_LIMIT) {
      return capped === 0 ? weights : weights.map((w, i) => (i < capped ? MANAGER_BOOK_LIMIT : w * perWeight));
    }
    rest -= weights[capped];
  }
  return weights.map(() => 1);
}

function creditCode(r: Random, regionCode: string): string {
  const body = Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET[r.int(0, r.chance(0.8) ? 9 : 30)]).join('');
  const first17 = `91${regionCode}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

function mobile(r: Random): string {
  return `1${r.pick(['38', '39', '35', '36', '37', '58', '59', '87', '88', '57', '89', '99'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

/**
 * About one customer in seventy has contact data the marketing audit flags: every other one of them has no mobile
 * number at all (landlines only), the rest name nobody as the electrical contact. Chosen by position, so the random
 * stream and every other customer stay as they were.
 */
function withIncompleteContacts(index: number, contacts: Contact[]): Contact[] {
  if (index % 70 !== 35) return contacts;
  if (index % 140 === 35)
    return contacts.map((c, k) => ({ ...c, phone: `0577-${88_000_000 + ((index * 10 + k) % 1_000_000)}` }));
  return contacts.map((c) => (c.role === ELECTRICAL_CONTACT_ROLE ? { ...c, role: '总经理' } : c));
}

function personName(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN);
}

function voltageFor(r: Random, profile: IndustryProfile): VoltageKv {
  if (!r.chance(profile.highVoltage)) return r.chance(0.03) ? 20 : 10;
  return r.weighted([
    [35, 60],
    [110, 30],
    [220, 10],
  ] as const);
}

function organisationName(r: Random, profile: IndustryProfile, region: string): string {
  const word = r.pick(profile.words);
  switch (profile.style) {
    case 'hospital':
      return `温州市${region.replace(/[区市县]$/, '')}${r.pick(['第一', '第二', '第三', ''])}${word}`;
    case 'school':
      return `温州${r.pick(BRANDS)}${word}`;
    case 'government':
      return `${region}${word}`;
    case 'transport':
      return `温州${word === '国际机场' ? '龙湾' : r.pick(['', '东', '南', '北'])}${word}${word === '国际机场' ? '' : r.pick(SUFFIXES)[0]}`;
    case 'hotel':
      return `温州${r.pick(BRANDS)}${word}`;
    case 'mall':
      return `${r.pick(BRANDS)}${word}（${region}店）`;
    case 'datacenter':
      return `${r.pick(PLACES)}${r.pick(BRANDS)}${word}`;
    case 'water':
      return `${region}${word}有限公司`;
    default:
      return `${r.pick(PLACES)}${r.pick(BRANDS)}${word}${r.weighted(SUFFIXES)}`;
  }
}

/**
 * Realistic key accounts of a Wenzhou-like supply area: Chinese names, districts, an industry mix
 * dominated by electrical machinery, shoes and hardware, mostly 10 kV with some 35/110/220 kV,
 * capacities that fit the voltage and valid credit codes. Deterministic for a given seed.
 * `firstIndex` numbers the account numbers, so batches of a large population do not collide.
 */
export function generateCustomers(options: {
  seed: number;
  count: number;
  managers: number;
  /** The customers generated in all, in this batch and the others (MANAGER_BOOK_LIMIT); `count` by default. */
  population?: number;
  firstIndex?: number;
  now?: Date;
}): GeneratedCustomer[] {
  const r = new Random(options.seed);
  const areas = new Random(options.seed ^ AREA_STREAM);
  const now = options.now ?? new Date();
  const weights = managerWeights(options.managers, options.population ?? options.count);
  const managerChoices = weights.map((w, i) => [i, w] as const);
  const industryChoices = INDUSTRY_PROFILES.map((p) => [p, p.weight] as const);
  const regionChoices = DEMO_REGIONS.map((g) => [g, g.weight] as const);
  const usedNames = new Set<string>();
  const customers: GeneratedCustomer[] = [];
  for (let i = 0; i < options.count; i++) {
    const index = (options.firstIndex ?? 0) + i + 1;
    const profile = r.weighted(industryChoices);
    const region = r.weighted(regionChoices);
    let name = organisationName(r, profile, region.name);
    if (usedNames.has(name))
      name = `${name.replace(/(有限公司|股份有限公司|集团有限公司)$/, '')}${region.name.slice(0, 2)}分公司`;
    if (usedNames.has(name)) name = `${name}（${index}）`;
    usedNames.add(name);
    const voltageKv = voltageFor(r, profile);
    const sizes = CAPACITIES[voltageKv];
    const capacity = sizes[Math.min(sizes.length - 1, Math.floor(Math.abs(r.normal()) * sizes.length * 0.35))];
    const transformers = voltageKv === 10 && r.chance(0.4) ? r.int(2, 4) : 1;
    const contacts: Contact[] = withIncompleteContacts(
      index,
      Array.from(
        {
          length: r.weighted([
            [1, 3],
            [2, 5],
            [3, 2],
          ] as const),
        },
        (_, k) => ({
          name: personName(r),
          phone: k === 0 || r.chance(0.7) ? mobile(r) : `0577-${r.int(55_000_000, 89_999_999)}`,
          email: r.chance(0.4)
            ? `contact${index}.${k}@${r.pick(['163.com', 'qq.com', 'sina.com', 'wz-corp.cn'])}`
            : null,
          role: k === 0 ? ELECTRICAL_CONTACT_ROLE : r.pick(CONTACT_ROLES),
        }),
      ),
    );
    const tags = [
      ...new Set(
        Array.from(
          {
            length: r.weighted([
              [0, 5],
              [1, 3],
              [2, 1],
            ] as const),
          },
          () => r.weighted(TAGS),
        ),
      ),
    ];
    customers.push({
      accountNo: `33${String(index).padStart(8, '0')}`,
      name,
      creditCode: creditCode(r, region.code),
      industry: profile.code,
      voltageKv,
      contractCapacityKva: capacity * transformers,
      tariffCategory: profile.tariff,
      region: region.name,
      address: `浙江省温州市${region.name}${r.pick(STREETS)}${r.int(1, 899)}号`,
      importance: r.weighted(profile.importance),
      tags,
      stage: r.weighted(STAGES),
      managerIndex: r.weighted(managerChoices),
      area: areas.weighted(AREAS),
      createdAt: new Date(now.getTime() - r.int(30, 3650) * 86_400_000),
      contacts,
    });
  }
  return customers;
}
