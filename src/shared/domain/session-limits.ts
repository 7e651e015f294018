/** The longest title and place a session keeps (a calendar's longer ones are cut to fit). */
export const SESSION_TITLE_MAX = 300
export const SESSION_LOCATION_MAX = 500
