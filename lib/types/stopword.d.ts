// The `stopword` package ships per-language word lists as plain arrays but no type declarations.
declare module 'stopword' {
  export const deu: string[];
  export const eng: string[];
  export const fra: string[];
  export const spa: string[];
}
