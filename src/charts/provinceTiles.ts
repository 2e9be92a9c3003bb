/**
 * The tile grid of the provincial-level regions: each a square in its rough geographic place
 * (column west to east, row north to south), with its one-character Chinese abbreviation and its
 * ISO 3166-2:CN code. A tile grid needs no boundary data, which in China must come from an
 * approved map. Keyed by GB/T 2260 code; regions not listed are left off the map.
 */
export const provinceTiles: Record<string, { col: number; row: number; zh: string; en: string }> = {
  '110000': { col: 4, row: 1, zh: '京', en: 'BJ' },
  '120000': { col: 5, row: 2, zh: '津', en: 'TJ' },
  '130000': { col: 4, row: 2, zh: '冀', en: 'HE' },
  '140000': { col: 3, row: 2, zh: '晋', en: 'SX' },
  '150000': { col: 3, row: 1, zh: '蒙', en: 'NM' },
  '210000': { col: 5, row: 1, zh: '辽', en: 'LN' },
  '220000': { col: 6, row: 1, zh: '吉', en: 'JL' },
  '230000': { col: 6, row: 0, zh: '黑', en: 'HL' },
  '310000': { col: 6, row: 4, zh: '沪', en: 'SH' },
  '320000': { col: 5, row: 4, zh: '苏', en: 'JS' },
  '330000': { col: 5, row: 5, zh: '浙', en: 'ZJ' },
  '340000': { col: 4, row: 4, zh: '皖', en: 'AH' },
  '350000': { col: 4, row: 6, zh: '闽', en: 'FJ' },
  '360000': { col: 4, row: 5, zh: '赣', en: 'JX' },
  '370000': { col: 4, row: 3, zh: '鲁', en: 'SD' },
  '410000': { col: 3, row: 3, zh: '豫', en: 'HA' },
  '420000': { col: 3, row: 4, zh: '鄂', en: 'HB' },
  '430000': { col: 3, row: 5, zh: '湘', en: 'HN' },
  '440000': { col: 3, row: 6, zh: '粤', en: 'GD' },
  '450000': { col: 2, row: 6, zh: '桂', en: 'GX' },
  '460000': { col: 3, row: 7, zh: '琼', en: 'HI' },
  '500000': { col: 2, row: 4, zh: '渝', en: 'CQ' },
  '510000': { col: 1, row: 4, zh: '川', en: 'SC' },
  '520000': { col: 2, row: 5, zh: '黔', en: 'GZ' },
  '530000': { col: 1, row: 5, zh: '滇', en: 'YN' },
  '540000': { col: 0, row: 4, zh: '藏', en: 'XZ' },
  '610000': { col: 2, row: 3, zh: '陕', en: 'SN' },
  '620000': { col: 1, row: 3, zh: '甘', en: 'GS' },
  '630000': { col: 0, row: 3, zh: '青', en: 'QH' },
  '640000': { col: 2, row: 2, zh: '宁', en: 'NX' },
  '650000': { col: 0, row: 2, zh: '新', en: 'XJ' },
};
