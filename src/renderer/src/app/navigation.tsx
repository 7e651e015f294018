import { createContext, useContext } from 'react'
import type { RouteId } from './routes'

export interface Navigation {
  route: RouteId
  navigate(route: RouteId): void
}

export const NavigationContext = createContext<Navigation | null>(null)

/** Where the app is, and how to go elsewhere. Routing is plain state: no URLs, no history. */
export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext)
  if (!navigation) throw new Error('useNavigation needs the app shell')
  return navigation
}
