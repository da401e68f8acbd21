// CSS selectors as the reader types them: the settings schema checks their shape, only a DOM can say whether the
// browser accepts them.

/** Null when the browser accepts the selector, else its complaint (as the browser words it). */
export function selectorError(selector: string, doc: Document = document): string | null {
  try {
    doc.createDocumentFragment().querySelector(selector);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
