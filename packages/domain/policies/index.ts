/** The packs the product ships with, checked together when this module loads. */
import { createPolicyRegistry } from '../src/rules/resolve-policy';
import { chengduJinjiang } from './chengdu-jinjiang';
import { guangzhou } from './guangzhou';
import { hunan } from './hunan';
import { national2006 } from './national-2006';
import { national2024 } from './national-2024';
import { sichuan } from './sichuan';

export { chengduJinjiang, guangzhou, hunan, national2006, national2024, sichuan };

export const defaultPolicyPacks = [
  national2006,
  national2024,
  sichuan,
  hunan,
  guangzhou,
  chengduJinjiang,
] as const;

export const defaultPolicyRegistry = createPolicyRegistry(defaultPolicyPacks);
