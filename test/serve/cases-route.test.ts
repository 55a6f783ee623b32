import { describe, expect, it } from 'vitest';
import { cameFromServer, routedCaseQuestions } from '../../src/engine/cases-route';
import type { CaseQuestions, CasesInfo } from '../../src/engine/cases-types';

const info = (source: CasesInfo['source']): CasesInfo => ({
  source,
  rows: 10,
  categories: { lau_code: [], case_type: [], referral_source: [], age_band: [], sex: [] },
  periods: [0, 1],
});

function questions(source: CasesInfo['source'], asked: string[]): CaseQuestions {
  return {
    casesInfo: async () => (asked.push(`${source} info`), info(source)),
    caseFacets: async () => {
      asked.push(`${source} facets`);
      return { total: 1, facets: {} as never };
    },
    activateCases: async () => void asked.push(`${source} activate`),
  };
}

describe('the explorer routed to the server the page came from', () => {
  it('reads the server cookie among others, and nothing like it', () => {
    expect(cameFromServer('a=1; atlas-cases=server; b=2')).toBe(true);
    expect(cameFromServer('atlas-cases=server')).toBe(true);
    expect(cameFromServer('')).toBe(false);
    expect(cameFromServer('atlas-cases=serverless; x-atlas-cases=server')).toBe(false);
  });

  it('asks the server once, and every question goes there when it answers', async () => {
    const asked: string[] = [];
    let looked = 0;
    const q = routedCaseQuestions(questions('own', asked), async () => {
      looked++;
      return questions('server', asked);
    });
    expect((await q.casesInfo())?.source).toBe('server');
    await q.caseFacets({}, { k: 5, perturb: true });
    await q.activateCases('sex', {});
    expect(looked).toBe(1);
    expect(asked).toEqual(['server info', 'server facets', 'server activate']);
  });

  it("falls back to the tab's own engine when no server is found or the lookup fails", async () => {
    const asked: string[] = [];
    const none = routedCaseQuestions(questions('own', asked), async () => null);
    expect((await none.casesInfo())?.source).toBe('own');
    const failing = routedCaseQuestions(questions('demo', asked), () => Promise.reject(new Error('gone')));
    expect((await failing.casesInfo())?.source).toBe('demo');
  });
});
