import { interpolateAnchors } from './interpolateAnchors.ts';
import { GDP_CYCLE, NATIONAL_DEFLATOR, NATIONAL_TOTALS } from './nationalTotals.ts';
import type { ProvinceProfile } from './provinceProfiles.ts';
import { seededRandom } from './seededRandom.ts';

/** Values by region (outer) and year (inner), in the order of the regions and years given. */
export type Panel = number[][];

// Noise of each series: the standard deviation of its log deviation from the model, and how
// much of it carries over to the next year (near 1 for stocks, 0 for lumpy flows like loans).
const NOISE: Readonly<Record<string, readonly [sd: number, rho: number]>> = {
  population: [0.001, 0.8],
  gdp: [0.006, 0.5],
  rd_expenditure: [0.01, 0.6],
  rd_basic: [0.05, 0.5],
  rd_enterprise_funds: [0.015, 0.5],
  rd_fte: [0.02, 0.7],
  invention_in_force: [0.01, 0.9],
  high_value_in_force: [0.01, 0.9],
  invention_applications: [0.04, 0.3],
  invention_grants: [0.04, 0.3],
  patent_grants: [0.03, 0.3],
  patents_in_force: [0.01, 0.9],
  pct_applications: [0.06, 0.3],
  patent_transfers_licences: [0.05, 0.3],
  tech_contract_turnover: [0.05, 0.5],
  tech_contracts: [0.04, 0.5],
  university_transfer_income: [0.15, 0.2],
  pledge_amount: [0.1, 0],
  pledged_patents: [0.05, 0.3],
  enforcement_cases: [0.08, 0.3],
};

// Leaders' leads shrink over time: a province's level relative to the nation in 2014 is its
// 2023 relative level raised to this power (Beijing held over a third of technology contract
// turnover in 2014, a seventh in 2023).
const CONVERGENCE = { invention: 1.14, pct: 1.1, techContracts: 1.35, pledge: 1.15 };

/**
 * Simulates every sample variable, unrounded, for the provinces (with their codes, which name
 * their random streams) over consecutive years: national totals shared out in proportion to
 * what each province's profile implies, times seeded noise. `totals` are the national totals
 * by variable and year (more anchors for a longer panel, see earlyNationalTotals.ts).
 */
export function simulateSeries(
  profiles: readonly ProvinceProfile[],
  codes: readonly string[],
  years: readonly number[],
  seed: number,
  totals: Readonly<Record<string, Readonly<Record<number, number>>>> = NATIONAL_TOTALS,
): Record<string, Panel> {
  const sim = simulation(profiles, codes, years, seed, totals);
  const { population, gdp } = simulateEconomy(sim);
  const { rd, rdBasic, rdEnterprise, rdFte } = simulateRd(sim, gdp);
  const { inventionInForce, highValue, applications, inventionGrants, patentGrants, patentsInForce, pct } = simulatePatents(
    sim,
    population,
    rd,
  );
  const { transfers, turnover, contracts, universityIncome } = simulateTransfers(sim, gdp, inventionInForce, rdBasic);
  const { pledgeAmount, pledgedPatents } = simulatePledges(sim, gdp, patentsInForce);
  const { enforcement, closedInTime } = simulateProtection(sim, patentGrants, gdp, population);

  return {
    population,
    gdp,
    gdp_deflator: deflator(codes, years, seed),
    rd_expenditure: rd,
    rd_basic: rdBasic,
    rd_enterprise_funds: rdEnterprise,
    rd_fte: rdFte,
    patents_in_force: patentsInForce,
    invention_in_force: inventionInForce,
    high_value_in_force: highValue,
    invention_applications: applications,
    invention_grants: inventionGrants,
    patent_grants: patentGrants,
    pct_applications: pct,
    patent_transfers_licences: transfers,
    tech_contract_turnover: turnover,
    tech_contracts: contracts,
    university_transfer_income: universityIncome,
    pledge_amount: pledgeAmount,
    pledged_patents: pledgedPatents,
    enforcement_cases: enforcement,
    cases_closed_in_time: closedInTime,
  };
}

/** Population and GDP: each province's path between its 2014 and 2023 levels, GDP with the national cycle. */
function simulateEconomy({ fromProfile, noisy, between }: Simulation) {
  const population = noisy(
    'population',
    fromProfile((p, y) => between(p.population, y)),
  );
  const gdp = noisy(
    'gdp',
    fromProfile((p, y) => between(p.gdp, y) * Math.exp(GDP_CYCLE[y] ?? 0)),
  );

  return { population, gdp };
}

/** R&D expenditure as GDP times the province's intensity, and its parts: basic research, enterprise funds, staff. */
function simulateRd({ fromProfile, times, sharedOut, noisy, between }: Simulation, gdp: Panel) {
  const rd = sharedOut(
    'rd_expenditure',
    times(
      gdp,
      fromProfile((p, y) => between(p.rdIntensity, y)),
    ),
  );
  const rdBasic = sharedOut(
    'rd_basic',
    times(
      rd,
      fromProfile((p) => p.basicShare),
    ),
  );
  const rdEnterprise = noisy(
    'rd_enterprise_funds',
    times(
      rd,
      fromProfile((p) => p.enterpriseShare / 100),
    ),
  );
  const rdFte = sharedOut(
    'rd_fte',
    times(
      rd,
      fromProfile((p) => p.ftePerYuan),
    ),
  );

  return { rd, rdBasic, rdEnterprise, rdFte };
}

/** Patents: the stock of inventions by population, applications and grants by R&D, PCT filings by population. */
function simulatePatents(
  { fromProfile, times, plus, sharedOut, noisy, allocate, national, relative, population2023 }: Simulation,
  population: Panel,
  rd: Panel,
) {
  const inventionInForce = sharedOut(
    'invention_in_force',
    times(
      population,
      relative((p) => p.inventionPer10k, population2023, CONVERGENCE.invention),
    ),
  );
  const highValue = sharedOut(
    'high_value_in_force',
    times(
      inventionInForce,
      fromProfile((p) => p.highValueFactor),
    ),
  );
  const applications = sharedOut(
    'invention_applications',
    times(
      rd,
      fromProfile((p) => p.applicationsPerYuan),
    ),
  );
  const inventionGrants = sharedOut('invention_grants', applications);
  // Utility models and designs are added to the inventions, so that a total can never fall
  // short of its invention part.
  const otherTypes = fromProfile((p) => 1 / p.inventionShareOfGrants - 1);
  const patentGrants = plus(
    inventionGrants,
    noisy(
      'patent_grants',
      allocate((year) => national('patent_grants')(year) - national('invention_grants')(year), times(inventionGrants, otherTypes)),
    ),
  );
  // The stock follows the smooth part of the grants, not their yearly noise.
  const patentsInForce = plus(
    inventionInForce,
    noisy(
      'patents_in_force',
      allocate(
        (year) => national('patents_in_force')(year) - national('invention_in_force')(year),
        times(
          rd,
          fromProfile((p) => p.applicationsPerYuan),
          otherTypes,
        ),
      ),
    ),
  );
  const pct = sharedOut(
    'pct_applications',
    times(
      population,
      relative((p) => p.pctPer10k, population2023, CONVERGENCE.pct),
    ),
  );

  return { inventionInForce, highValue, applications, inventionGrants, patentGrants, patentsInForce, pct };
}

/** Transfers and licences by the invention stock, technology contracts by GDP, universities' income by basic research. */
function simulateTransfers(
  { fromProfile, times, sharedOut, relative, gdp2023 }: Simulation,
  gdp: Panel,
  inventionInForce: Panel,
  rdBasic: Panel,
) {
  const transfers = sharedOut(
    'patent_transfers_licences',
    times(
      inventionInForce,
      fromProfile((p) => p.transferRate),
    ),
  );
  const turnover = sharedOut(
    'tech_contract_turnover',
    times(
      gdp,
      relative((p) => p.techContractShare, gdp2023, CONVERGENCE.techContracts),
    ),
  );
  const contracts = sharedOut(
    'tech_contracts',
    times(
      turnover,
      fromProfile((p) => 1 / p.contractSize),
    ),
  );
  const universityIncome = sharedOut(
    'university_transfer_income',
    times(
      rdBasic,
      fromProfile((p) => p.universityFactor),
    ),
  );

  return { transfers, turnover, contracts, universityIncome };
}

/** Pledge financing by GDP, late to take off in some provinces; the patents pledged with it. */
function simulatePledges({ fromProfile, times, sharedOut, relative, gdp2023 }: Simulation, gdp: Panel, patentsInForce: Panel) {
  const takeOff = fromProfile((p, y) => (p.pledgeTakeOff !== undefined && y < p.pledgeTakeOff ? 0.1 : 1));
  const pledgeAmount = sharedOut(
    'pledge_amount',
    times(
      gdp,
      relative((p) => p.pledgePermille, gdp2023, CONVERGENCE.pledge),
      takeOff,
    ),
  );
  // Pledged patents grow with both the lending and the stock of patents that can be pledged.
  const pledgedPatents = sharedOut(
    'pledged_patents',
    pledgeAmount.map((row, i) => row.map((v, t) => Math.sqrt(v * patentsInForce[i]![t]!))),
  );

  return { pledgeAmount, pledgedPatents };
}

/** Enforcement cases by patent grants, and the share of them closed in time. */
function simulateProtection(
  { codes, years, seed, fromProfile, times, sharedOut }: Simulation,
  patentGrants: Panel,
  gdp: Panel,
  population: Panel,
) {
  // Whole cases first, so that a province with six cases closes five or six in time, not 5.4.
  const enforcement = sharedOut(
    'enforcement_cases',
    times(
      patentGrants,
      fromProfile((p) => p.enforcementFactor),
    ),
  ).map((row) => row.map(Math.round));
  const closedInTime = times(enforcement, shareClosedInTime(codes, years, seed, gdp, population));

  return { enforcement, closedInTime };
}

/** The operations every series is simulated with, over the provinces' profiles and the years. */
type Simulation = ReturnType<typeof simulation>;

function simulation(
  profiles: readonly ProvinceProfile[],
  codes: readonly string[],
  years: readonly number[],
  seed: number,
  totals: Readonly<Record<string, Readonly<Record<number, number>>>>,
) {
  const fromProfile = (f: (p: ProvinceProfile, year: number) => number): Panel => profiles.map((p) => years.map((year) => f(p, year)));
  const times = (...factors: Panel[]): Panel => profiles.map((_, i) => years.map((_, t) => factors.reduce((v, f) => v * f[i]![t]!, 1)));
  const plus = (a: Panel, b: Panel): Panel => a.map((row, i) => row.map((v, t) => v + b[i]![t]!));
  const between = (pair: readonly [number, number], year: number): number => interpolateAnchors({ 2014: pair[0], 2023: pair[1] }, year);
  const national = (variable: string) => (year: number) => interpolateAnchors(totals[variable]!, year);

  // Multiplies each province's series by exp of its own AR(1) path.
  const noisy = (variable: string, values: Panel): Panel => {
    const [sd, rho] = NOISE[variable]!;
    return values.map((row, i) => {
      const random = seededRandom(seed, `${variable}/${codes[i]}`);
      let e = sd * random.normal();
      return row.map((v, t) => {
        if (t > 0) e = rho * e + Math.sqrt(1 - rho * rho) * sd * random.normal();
        return v * Math.exp(e);
      });
    });
  };
  // Shares a national total out in proportion to the weights, year by year.
  const allocate = (total: (year: number) => number, weights: Panel): Panel => {
    const scale = years.map((year, t) => total(year) / weights.reduce((s, w) => s + w[t]!, 0));
    return weights.map((row) => row.map((w, t) => w * scale[t]!));
  };
  const sharedOut = (variable: string, weights: Panel): Panel => noisy(variable, allocate(national(variable), weights));
  // A province's 2023 level relative to the national one, moved back in time by convergence.
  const relative = (level: (p: ProvinceProfile) => number, base: (p: ProvinceProfile) => number, exponent: number): Panel => {
    const nationalLevel = profiles.reduce((s, p) => s + level(p) * base(p), 0) / profiles.reduce((s, p) => s + base(p), 0);
    return fromProfile((p, year) => {
      const e = exponent + ((1 - exponent) * (year - 2014)) / 9;
      return (level(p) / nationalLevel) ** e;
    });
  };
  const population2023 = (p: ProvinceProfile): number => p.population[1];
  const gdp2023 = (p: ProvinceProfile): number => p.gdp[1];

  return {
    profiles,
    codes,
    years,
    seed,
    fromProfile,
    times,
    plus,
    between,
    national,
    noisy,
    allocate,
    sharedOut,
    relative,
    population2023,
    gdp2023,
  };
}

// The national price index times a random walk per province, pinned to 100 in 2014.
function deflator(codes: readonly string[], years: readonly number[], seed: number): Panel {
  const base = Math.max(years.indexOf(2014), 0);
  return codes.map((code) => {
    const random = seededRandom(seed, `gdp_deflator/${code}`);
    let walk = 0;
    const walks = years.map((_, t) => (t === 0 ? 0 : (walk += 0.005 * random.normal())));
    return years.map((year, t) => interpolateAnchors(NATIONAL_DEFLATOR, year) * Math.exp(walks[t]! - walks[base]!));
  });
}

// Richer provinces staff their offices better: the share of cases closed in time rises from
// about 95% to 99% with GDP per head.
function shareClosedInTime(codes: readonly string[], years: readonly number[], seed: number, gdp: Panel, population: Panel): Panel {
  return codes.map((code, i) => {
    const random = seededRandom(seed, `cases_closed_in_time/${code}`);
    return years.map((_, t) => {
      const perHead = gdp[i]![t]! / population[i]![t]!;
      const nationalPerHead = gdp.reduce((s, row) => s + row[t]!, 0) / population.reduce((s, row) => s + row[t]!, 0);
      const level = 0.97 + 0.02 * Math.log(perHead / nationalPerHead);
      return Math.min(1, Math.max(0.9, level + 0.004 * random.normal()));
    });
  });
}
