import type { SVGProps } from 'react'

/** A small, self-hosted line icon set (24px grid, 1.75 stroke). Decorative unless labelled. */
const paths = {
  leaf: 'M5 19c0-8 5-13 14-14-1 9-6 14-14 14Zm0 0 7-7',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1Zm6 4v2',
  home: 'M4 11.5 12 5l8 6.5M6.5 10v9h11v-9M10 19v-5h4v5',
  eye: 'M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Zm9.5 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z',
  eyeOff: 'M3 3l18 18M10.6 6.1A9.8 9.8 0 0 1 12 6c6 0 9.5 6 9.5 6a17 17 0 0 1-2.9 3.6M6.6 7.6C4 9.3 2.5 12 2.5 12S6 18 12 18c1.6 0 3-.4 4.2-1M9.9 9.9a3 3 0 0 0 4.2 4.2',
  copy: 'M9 9h10v10H9zM5 15V5h10',
  printer: 'M7 9V4h10v5M7 17H5a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-2M7 14h10v6H7z',
  download: 'M12 4v11m-5-5 5 5 5-5M5 19h14',
  check: 'M5 12.5 10 17l9-10',
  plus: 'M12 5v14M5 12h14',
  close: 'M6 6l12 12M18 6 6 18',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-10v6m0-9.5v.5',
  alert: 'M12 4 2.8 19.5h18.4L12 4Zm0 6v4.5m0 2.5v.5',
  key: 'M14.5 9.5a4 4 0 1 1-8 0 4 4 0 0 1 8 0Zm-1.2 2.8L20 19m-3-3 2-2m-4 0 2-2',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-13v4.5l3 2',
  arrowLeft: 'M19 12H5m6-6-6 6 6 6',
  offline: 'M3 3l18 18M8 7.7A5 5 0 0 0 6.5 17.5h10.8M10.6 5.6A6 6 0 0 1 18 10a4 4 0 0 1 2.6 6.4',
  trash: 'M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12',
  agreement: 'M7 3h7l4 4v14H7V3Zm7 0v4h4M10 13.5l2 2 3.5-3.5',
  list: 'M9.5 6.5H20M9.5 12H20M9.5 17.5H20M4.5 6.5h.01M4.5 12h.01M4.5 17.5h.01',
  lifebuoy:
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-5a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-2.8-1.2-3.6 3.6m9.2-9.2 3.6-3.6m-3.6 9.2 3.6 3.6M9.2 9.2 5.6 5.6',
  message: 'M4.5 5.5h15v10h-9l-4.5 3.5v-3.5H4.5v-10Z',
  settings: 'M4 7h9m4 0h3M4 17h3m4 0h9M15 4.5v5M9 14.5v5',
} as const

export type IconName = keyof typeof paths

interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'name'> {
  name: IconName
  /** When given, the icon is announced; otherwise it is hidden from assistive tech. */
  label?: string
  size?: number
}

export function Icon({ name, label, size = 20, ...rest }: IconProps): React.JSX.Element {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
      {...rest}
    >
      <path d={paths[name]} />
    </svg>
  )
}
