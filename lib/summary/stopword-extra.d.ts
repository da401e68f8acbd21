// More of the `stopword` package's lists than lib/types/stopword.d.ts declares: the summary's language detection
// uses the neighbours of the four languages it reads, so that Italian, Portuguese, Dutch or Catalan text is
// reported as undetermined instead of being mistaken for Spanish, French or German.
declare module 'stopword' {
  export const ita: string[];
  export const por: string[];
  export const nld: string[];
  export const cat: string[];
}
