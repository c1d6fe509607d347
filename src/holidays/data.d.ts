/** The part of date-holidays' data keepwarm reads (the package ships no types for it). */
declare module 'date-holidays/data' {
  export const data: {
    holidays: Record<string, { names?: Record<string, string>; name?: string; langs?: string[]; zones?: string[] }>;
  };
}
