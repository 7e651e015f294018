import type { ZxcvbnFactory } from '@zxcvbn-ts/core'

export interface Strength {
  /** 0 (very easy to guess) … 4 (very strong), as zxcvbn scores it. */
  score: 0 | 1 | 2 | 3 | 4
  warning: string | null
  suggestions: string[]
}

/** The lowest score a new passphrase may have. */
export const MIN_SCORE = 3

/** Words about the app itself that make a passphrase easier to guess. */
const APP_WORDS = ['between', 'therapy', 'therapist', 'session', 'vault', 'passphrase', 'password', 'recovery']

let loading: Promise<ZxcvbnFactory> | null = null

/**
 * Loads zxcvbn and its dictionaries on first use, as separate chunks, so the main bundle stays
 * small. Call early (when the passphrase screen mounts) to hide the load time.
 */
export function loadStrengthChecker(): Promise<ZxcvbnFactory> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')])
    .then(
      ([core, common, en]) =>
        new core.ZxcvbnFactory({
          dictionary: { ...common.dictionary, ...en.dictionary },
          graphs: common.adjacencyGraphs,
          translations: en.translations,
        }),
    )
    .catch((error: unknown) => {
      loading = null
      throw error
    })
  return loading
}

export async function assessPassphrase(passphrase: string, userInputs: string[] = []): Promise<Strength> {
  const zxcvbn = await loadStrengthChecker()
  const result = zxcvbn.check(passphrase, [...APP_WORDS, ...userInputs])
  return {
    score: result.score,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions.filter(Boolean),
  }
}
