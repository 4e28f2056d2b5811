// A region's own table at the limits the schema allows, for the writers' tests against Excel's rules: the
// longest title, 40 items whose texts are long (a 指标释义 of 3,000 characters, a 计分方法 of 550, labels of
// 300), choices whose options fill the 255 characters of an inline list, every rule on its own row.
import { type Rubric, RubricSchema } from '../../src/core';
import { regionRubric } from './regionFiles';

const ITEMS = 40;

/** Options whose inline list (joined by ",") is exactly 255 characters: the longest the schema allows. */
export function longestOptions(): string[] {
  const options = ['甲'.repeat(63), '乙'.repeat(63), '丙'.repeat(63)];
  options.push('丁'.repeat(255 - options.join(',').length - 1));
  return options;
}

export function limitRubric(): Rubric {
  const base = regionRubric({ title: `某市某县某区${'很长的'.repeat(40)}定点医疗机构考核表` });
  const options = longestOptions();
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const no = String(i + 1);
    const method = `按等次计分：${'依照原文逐条核实，'.repeat(60)}`;
    return {
      no,
      section: '协议履行情况',
      indicator: `指标${no}${'名称很长'.repeat(20)}`,
      definition: `${'释义'.repeat(1_500)}`,
      method,
      category: '扣分项',
      points: 0.5,
      rules: [
        {
          kind: 'choice',
          points: [0.5, 0.3, 0.1, 0],
          text: method,
          input: { id: `${no}.1`, type: 'choice', label: `${'事实的说明'.repeat(60)}`, options },
        },
      ],
    };
  });
  return RubricSchema.parse({ ...base, total: ITEMS * 0.5, items });
}
