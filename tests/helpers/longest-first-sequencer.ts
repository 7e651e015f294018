import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The files that take longest, longest first. vitest starts the longest files first by the
 * durations it caches in node_modules/.vite, which a fresh CI checkout does not have: it then
 * orders by file size, and the longest files here are short (a 3.7 KB spec seeds and scrolls
 * 100,000 entries for over a minute), so they started last and the run waited on them alone.
 * Keep the list to the few files that are minutes; the rest order themselves.
 */
const LONGEST = [
  'tests/e2e/timeline-large.spec.ts',
  'tests/e2e/settings.spec.ts',
  // Shorter now, but it copies the 100,000-entry vault timeline-large builds (shared-vault.ts):
  // third, it starts once one of the two above has ended, when the vault is ready.
  'tests/e2e/job-progress.spec.ts',
  'tests/e2e/responsive.spec.ts',
  'tests/integration/vault/rotate-off-main.test.ts',
  'tests/integration/import/calendar-reimport.test.ts',
  'tests/reliability/crash-safety.test.ts',
]

/** vitest's order, except that within each project the files above without a cached duration go first. */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (spec: TestSpecification): number =>
      this.ctx.cache.getTestSpecificationResult(spec) ? -1 : LONGEST.findIndex((path) => spec.moduleId.replaceAll('\\', '/').endsWith(path))
    const byProject = new Map<string, TestSpecification[]>()
    for (const spec of sorted) byProject.set(spec.project.name, [...(byProject.get(spec.project.name) ?? []), spec])
    return [...byProject.values()].flatMap((group) => [
      ...group.filter((spec) => rank(spec) >= 0).sort((a, b) => rank(a) - rank(b)),
      ...group.filter((spec) => rank(spec) < 0),
    ])
  }
}
