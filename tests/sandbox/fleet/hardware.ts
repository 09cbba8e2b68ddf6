import { DIGITS, type Prng, UPPER_ALNUM } from './prng.ts';

export type Platform = 'windows' | 'macOS' | 'iOS' | 'iPadOS' | 'android';
export type FormFactor = 'laptop' | 'desktop' | 'virtual' | 'phone' | 'tablet' | 'rugged';

/** The physical (or virtual) machine behind a managed device; re-enrolments share it. */
export interface Hardware {
  platform: Platform;
  formFactor: FormFactor;
  manufacturer: string;
  model: string;
  serialNumber: string;
  wiFiMacAddress: string;
  ethernetMacAddress: string | null;
  imei: string | null;
  meid: string | null;
  iccid: string | null;
  udid: string | null;
  phoneNumber: string | null;
  subscriberCarrier: string | null;
  physicalMemoryInBytes: number;
  totalStorageSpaceInBytes: number;
}

interface ModelSpec {
  manufacturer: string;
  model: string;
  formFactor: FormFactor;
  serial: (prng: Prng) => string;
  memoryGiB: readonly number[];
  storageGB: readonly number[];
  /** Share of units with a SIM. */
  cellular: number;
  weight: number;
}

const APPLE_SERIAL_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const serials = {
  dell: (p: Prng) => p.chars(7, UPPER_ALNUM),
  hpNotebook: (p: Prng) => `5CG${p.digits(4)}${p.chars(3, UPPER_ALNUM)}`,
  hpDesktop: (p: Prng) => `MXL${p.digits(4)}${p.chars(3, UPPER_ALNUM)}`,
  lenovoNotebook: (p: Prng) => `PF${p.chars(6, UPPER_ALNUM)}`,
  lenovoDesktop: (p: Prng) => `MJ${p.chars(6, UPPER_ALNUM)}`,
  surface: (p: Prng) => p.digits(12),
  hyperV: (p: Prng) => `${p.digits(4)}-${p.digits(4)}-${p.digits(4)}-${p.digits(4)}-${p.digits(4)}-${p.digits(4)}-${p.digits(2)}`,
  vmware: (p: Prng) => `VMware-${hexPairs(p, 8)}-${hexPairs(p, 8)}`,
  apple: (p: Prng) => p.chars(p.chance(0.7) ? 10 : 12, APPLE_SERIAL_ALPHABET),
  samsung: (p: Prng) => `R5C${p.chars(8, UPPER_ALNUM)}`,
  pixel: (p: Prng) => `${p.digits(2)}${p.digits(3)}FDH${p.digits(4)}${p.chars(2, UPPER_ALNUM)}`,
  motorola: (p: Prng) => `ZY22${p.chars(6, UPPER_ALNUM)}`,
  zebra: (p: Prng) => `${p.digits(5)}52${p.digits(7)}`,
};

const CATALOG: Record<Platform, readonly ModelSpec[]> = {
  windows: [
    { manufacturer: 'Dell Inc.', model: 'Latitude 5440', formFactor: 'laptop', serial: serials.dell, memoryGiB: [16, 32], storageGB: [256, 512], cellular: 0, weight: 14 },
    { manufacturer: 'Dell Inc.', model: 'Latitude 7430', formFactor: 'laptop', serial: serials.dell, memoryGiB: [16, 32], storageGB: [512], cellular: 0.1, weight: 8 },
    { manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', formFactor: 'desktop', serial: serials.dell, memoryGiB: [8, 16], storageGB: [256, 512], cellular: 0, weight: 6 },
    { manufacturer: 'Dell Inc.', model: 'Precision 5570', formFactor: 'laptop', serial: serials.dell, memoryGiB: [32, 64], storageGB: [1024], cellular: 0, weight: 2 },
    { manufacturer: 'HP', model: 'HP EliteBook 840 G9 Notebook PC', formFactor: 'laptop', serial: serials.hpNotebook, memoryGiB: [16, 32], storageGB: [256, 512], cellular: 0.15, weight: 12 },
    { manufacturer: 'HP', model: 'HP ProBook 450 15.6 inch G10 Notebook PC', formFactor: 'laptop', serial: serials.hpNotebook, memoryGiB: [8, 16], storageGB: [256], cellular: 0, weight: 6 },
    { manufacturer: 'HP', model: 'HP EliteDesk 800 G6 Small Form Factor PC', formFactor: 'desktop', serial: serials.hpDesktop, memoryGiB: [8, 16], storageGB: [256, 512], cellular: 0, weight: 4 },
    { manufacturer: 'LENOVO', model: '21AH00FGUS', formFactor: 'laptop', serial: serials.lenovoNotebook, memoryGiB: [16, 32], storageGB: [512], cellular: 0.1, weight: 9 },
    { manufacturer: 'LENOVO', model: '20XW0055US', formFactor: 'laptop', serial: serials.lenovoNotebook, memoryGiB: [16], storageGB: [512, 1024], cellular: 0.2, weight: 5 },
    { manufacturer: 'LENOVO', model: '11JN0029US', formFactor: 'desktop', serial: serials.lenovoDesktop, memoryGiB: [8, 16], storageGB: [256], cellular: 0, weight: 3 },
    { manufacturer: 'Microsoft Corporation', model: 'Surface Laptop 5', formFactor: 'laptop', serial: serials.surface, memoryGiB: [8, 16], storageGB: [256, 512], cellular: 0, weight: 6 },
    { manufacturer: 'Microsoft Corporation', model: 'Surface Pro 9', formFactor: 'laptop', serial: serials.surface, memoryGiB: [16], storageGB: [256], cellular: 0.3, weight: 4 },
    { manufacturer: 'Microsoft Corporation', model: 'Virtual Machine', formFactor: 'virtual', serial: serials.hyperV, memoryGiB: [4, 8], storageGB: [128], cellular: 0, weight: 3 },
    { manufacturer: 'VMware, Inc.', model: 'VMware7,1', formFactor: 'virtual', serial: serials.vmware, memoryGiB: [4, 8], storageGB: [64, 128], cellular: 0, weight: 2 },
  ],
  macOS: [
    { manufacturer: 'Apple', model: 'MacBook Pro (14-inch, 2023)', formFactor: 'laptop', serial: serials.apple, memoryGiB: [16, 32], storageGB: [512, 1024], cellular: 0, weight: 8 },
    { manufacturer: 'Apple', model: 'MacBook Air (M2, 2022)', formFactor: 'laptop', serial: serials.apple, memoryGiB: [8, 16], storageGB: [256, 512], cellular: 0, weight: 10 },
    { manufacturer: 'Apple', model: 'MacBook Air (15-inch, M3, 2024)', formFactor: 'laptop', serial: serials.apple, memoryGiB: [16], storageGB: [512], cellular: 0, weight: 5 },
    { manufacturer: 'Apple', model: 'iMac (24-inch, M1, 2021)', formFactor: 'desktop', serial: serials.apple, memoryGiB: [8, 16], storageGB: [256, 512], cellular: 0, weight: 2 },
    { manufacturer: 'Apple', model: 'Mac mini (2023)', formFactor: 'desktop', serial: serials.apple, memoryGiB: [8, 16], storageGB: [256, 512], cellular: 0, weight: 2 },
  ],
  iOS: [
    { manufacturer: 'Apple', model: 'iPhone 15', formFactor: 'phone', serial: serials.apple, memoryGiB: [6], storageGB: [128, 256], cellular: 1, weight: 10 },
    { manufacturer: 'Apple', model: 'iPhone 15 Pro', formFactor: 'phone', serial: serials.apple, memoryGiB: [8], storageGB: [128, 256, 512], cellular: 1, weight: 5 },
    { manufacturer: 'Apple', model: 'iPhone 14', formFactor: 'phone', serial: serials.apple, memoryGiB: [6], storageGB: [128], cellular: 1, weight: 9 },
    { manufacturer: 'Apple', model: 'iPhone 13', formFactor: 'phone', serial: serials.apple, memoryGiB: [4], storageGB: [128], cellular: 1, weight: 7 },
    { manufacturer: 'Apple', model: 'iPhone SE (3rd generation)', formFactor: 'phone', serial: serials.apple, memoryGiB: [4], storageGB: [64, 128], cellular: 1, weight: 4 },
  ],
  iPadOS: [
    { manufacturer: 'Apple', model: 'iPad (10th generation)', formFactor: 'tablet', serial: serials.apple, memoryGiB: [4], storageGB: [64, 256], cellular: 0.3, weight: 6 },
    { manufacturer: 'Apple', model: 'iPad Air (5th generation)', formFactor: 'tablet', serial: serials.apple, memoryGiB: [8], storageGB: [64, 256], cellular: 0.3, weight: 3 },
    { manufacturer: 'Apple', model: 'iPad Pro (11-inch) (4th generation)', formFactor: 'tablet', serial: serials.apple, memoryGiB: [8], storageGB: [128, 256], cellular: 0.4, weight: 2 },
    { manufacturer: 'Apple', model: 'iPad mini (6th generation)', formFactor: 'tablet', serial: serials.apple, memoryGiB: [4], storageGB: [64], cellular: 0.2, weight: 1 },
  ],
  android: [
    { manufacturer: 'samsung', model: 'SM-S911B', formFactor: 'phone', serial: serials.samsung, memoryGiB: [8], storageGB: [128, 256], cellular: 1, weight: 8 },
    { manufacturer: 'samsung', model: 'SM-A546B', formFactor: 'phone', serial: serials.samsung, memoryGiB: [6, 8], storageGB: [128], cellular: 1, weight: 7 },
    { manufacturer: 'samsung', model: 'SM-G991U', formFactor: 'phone', serial: serials.samsung, memoryGiB: [8], storageGB: [128], cellular: 1, weight: 4 },
    { manufacturer: 'Google', model: 'Pixel 8', formFactor: 'phone', serial: serials.pixel, memoryGiB: [8], storageGB: [128, 256], cellular: 1, weight: 5 },
    { manufacturer: 'Google', model: 'Pixel 7a', formFactor: 'phone', serial: serials.pixel, memoryGiB: [8], storageGB: [128], cellular: 1, weight: 4 },
    { manufacturer: 'motorola', model: 'moto g stylus 5G (2023)', formFactor: 'phone', serial: serials.motorola, memoryGiB: [6], storageGB: [128], cellular: 1, weight: 2 },
    { manufacturer: 'Zebra Technologies', model: 'TC52', formFactor: 'rugged', serial: serials.zebra, memoryGiB: [4], storageGB: [32], cellular: 0.5, weight: 3 },
    { manufacturer: 'Zebra Technologies', model: 'TC21', formFactor: 'rugged', serial: serials.zebra, memoryGiB: [3], storageGB: [32], cellular: 0, weight: 2 },
  ],
};

/** Whitebox PCs whose firmware never had a serial set: the source of the junk serial numbers. */
const WHITEBOX_MODELS: ReadonlyArray<readonly [manufacturer: string, model: string]> = [
  ['System manufacturer', 'System Product Name'],
  ['To Be Filled By O.E.M.', 'To Be Filled By O.E.M.'],
  ['Micro-Star International Co., Ltd.', 'MS-7C91'],
  ['Gigabyte Technology Co., Ltd.', 'B550 AORUS ELITE'],
];

/** Serial numbers that real firmware reports when none was set; matching must never trust them. */
export const JUNK_SERIALS = ['0', 'To be filled by O.E.M.', 'System Serial Number', 'Default string', ''] as const;

const CARRIERS = ['Verizon', 'T-Mobile', 'AT&T'] as const;

export function makeHardware(prng: Prng, platform: Platform): Hardware {
  const spec = prng.weighted(CATALOG[platform].map((s) => [s, s.weight] as const));
  const cellular = prng.chance(spec.cellular);
  const apple = spec.manufacturer === 'Apple';
  const imei = cellular ? luhnNumber(prng, apple ? '35' : prng.pick(['35', '86'])) : null;
  return {
    platform,
    formFactor: spec.formFactor,
    manufacturer: spec.manufacturer,
    model: spec.model,
    serialNumber: spec.serial(prng),
    wiFiMacAddress: prng.hex(12).toUpperCase(),
    ethernetMacAddress: spec.formFactor === 'desktop' || spec.formFactor === 'virtual' || (platform === 'windows' && prng.chance(0.4)) ? prng.hex(12).toUpperCase() : null,
    // iOS reports the IMEI in groups ("35 209900 176148 1"), Android as plain digits.
    imei: imei && apple ? `${imei.slice(0, 2)} ${imei.slice(2, 8)} ${imei.slice(8, 14)} ${imei.slice(14)}` : imei,
    meid: imei && apple ? imei.slice(0, 14) : platform === 'android' ? '' : null,
    iccid: cellular ? `8901${prng.digits(15)}` : null,
    udid: apple ? appleUdid(prng) : null,
    phoneNumber: cellular && spec.formFactor === 'phone' ? `+1${prng.pick(['425', '206', '312', '646', '512'])}555${prng.digits(4)}` : null,
    subscriberCarrier: cellular ? prng.pick(CARRIERS) : null,
    physicalMemoryInBytes: prng.pick(spec.memoryGiB) * 2 ** 30,
    // Disks report a little under their marketed size.
    totalStorageSpaceInBytes: Math.floor(prng.pick(spec.storageGB) * 1e9 * (0.92 + prng.next() * 0.03)),
  };
}

export function makeWhiteboxHardware(prng: Prng, junkSerial: string): Hardware {
  const [manufacturer, model] = prng.pick(WHITEBOX_MODELS);
  return {
    platform: 'windows',
    formFactor: 'desktop',
    manufacturer,
    model,
    serialNumber: junkSerial,
    wiFiMacAddress: prng.hex(12).toUpperCase(),
    ethernetMacAddress: prng.hex(12).toUpperCase(),
    imei: null,
    meid: null,
    iccid: null,
    udid: null,
    phoneNumber: null,
    subscriberCarrier: null,
    physicalMemoryInBytes: prng.pick([16, 32]) * 2 ** 30,
    totalStorageSpaceInBytes: Math.floor(prng.pick([500, 1000]) * 1e9 * 0.93),
  };
}

function hexPairs(prng: Prng, count: number): string {
  return Array.from({ length: count }, () => prng.hex(2)).join(' ');
}

function appleUdid(prng: Prng): string {
  return `0000${prng.digits(4)}-${prng.hex(16)}`.toUpperCase();
}

/** A 15-digit IMEI with a valid Luhn check digit. */
function luhnNumber(prng: Prng, prefix: string): string {
  const body = prefix + prng.digits(14 - prefix.length);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = DIGITS.indexOf(body[body.length - 1 - i] ?? '0');
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}
