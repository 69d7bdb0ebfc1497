// The calendar covariates' column names, apart from calendar.ts so that naming and checking data
// columns (which must not take these names) does not load the holiday tables.

/** Column names of the covariates, in the order they are returned. */
export const CALENDAR_COLUMNS = ['hour', 'weekday', 'month', 'weekend', 'holiday'] as const
