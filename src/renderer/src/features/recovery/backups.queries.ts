import { queryOptions } from '@tanstack/react-query'
import { rpc } from '../../lib/rpc'

/**
 * The backup folder's listing. Not a table in the vault, so no `data.changed` covers it: screens
 * invalidate it after they make, test or restore a backup, or choose a folder.
 */
export const backupKeys = { all: ['backups'] as const, available: () => [...backupKeys.all, 'available'] as const }

/** backup.listAvailable works while the vault is locked, and when it is damaged: it needs no key. */
export const backupsQuery = () => queryOptions({ queryKey: backupKeys.available(), queryFn: () => rpc('backup.listAvailable', {}) })
