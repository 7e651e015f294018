import { DEMO_PASSPHRASE, seedDemoVault } from '../../scripts/demo-vault'
import { launchApp, type E2EApp, type LaunchOptions } from './harness'

type Seed = NonNullable<LaunchOptions['beforeLoad']>

export interface VaultLaunchOptions extends Omit<LaunchOptions, 'beforeLoad'> {
  passphrase: string
  /** Writes into the new, unlocked vault before the page loads. */
  seed?: Seed
}

/** The app on a vault created with `passphrase` (and seeded), open on the timeline. */
export async function launchWithVault({ passphrase, seed, ...options }: VaultLaunchOptions): Promise<E2EApp> {
  const app = await launchApp({
    ...options,
    beforeLoad: async (ctx) => {
      await ctx.invoke('vault.create', { passphrase })
      await seed?.(ctx)
    },
  })
  await app.page.getByRole('heading', { level: 1, name: 'Your timeline' }).waitFor()
  return app
}

/** The app on the demo vault (scripts/demo-vault.ts), open on the timeline, waiting up to 10 s per step. */
export async function launchDemoApp(options: Omit<LaunchOptions, 'beforeLoad'> = {}): Promise<E2EApp> {
  const app = await launchWithVault({ ...options, passphrase: DEMO_PASSPHRASE, seed: ({ invoke, clock }) => seedDemoVault(invoke, clock) })
  app.page.setDefaultTimeout(10_000)
  return app
}
