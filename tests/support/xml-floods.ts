/**
 * Hostile EPP frames for the XML readers (security finding 4): a root that declares thousands of
 * prefixes, then thousands of elements that each declare one more. A reader that copies its namespace
 * table per declaring element does (root declarations x declaring elements) work on these.
 */
const EPP = "urn:ietf:params:xml:ns:epp-1.0";

export interface Flood {
  xml: string;
  rootDeclarations: number;
  declaringElements: number;
}

/**
 * About `bytes` long: a `rootShare` of it root declarations, the rest declaring elements inside
 * `<wrapper>`. Half and half is the worst case for a copying reader.
 */
export function namespaceFlood(bytes: number, { wrapper = "hello", rootShare = 0.5 } = {}): Flood {
  const head = `<epp xmlns="${EPP}"`;
  const decls: string[] = [];
  let size = head.length + 2 * wrapper.length + 20;
  while (size < bytes * rootShare) {
    const d = ` xmlns:a${decls.length}="u${decls.length}"`;
    decls.push(d);
    size += d.length;
  }
  const kids: string[] = [];
  while (size < bytes) {
    // Each child binds its own prefix and sits in it, so a reader must resolve per element.
    const k = `<b:x xmlns:b="v${kids.length}"/>`;
    kids.push(k);
    size += k.length;
  }
  // After the flood, the root's binding of a0 (or the default namespace) must be back in scope.
  const last = decls.length > 0 ? "<a0:last/>" : "<last/>";
  const xml = `${head}${decls.join("")}><${wrapper}>${kids.join("")}${last}</${wrapper}></epp>`;
  return { xml, rootDeclarations: decls.length, declaringElements: kids.length };
}

/** A frame of the same size with one namespace declaration and plain elements, for comparison. */
export function plainFrame(bytes: number, { wrapper = "hello" } = {}): string {
  const head = `<epp xmlns="${EPP}"><${wrapper}>`;
  const tail = `</${wrapper}></epp>`;
  const kids: string[] = [];
  let size = head.length + tail.length;
  while (size < bytes) {
    const k = `<x n="${kids.length}">v</x>`;
    kids.push(k);
    size += k.length;
  }
  return head + kids.join("") + tail;
}

/** `n` empty elements whose attributes are spread with spaces and tabs around `=`: the reader's slowest plain shape. */
export function spacedAttributesFrame(n: number): string {
  const element = (i: number) => `<x  n  =  "${i}"  m =\t'v'  />`;
  return `<a>${Array.from({ length: n }, (_, i) => element(i)).join("")}</a>`;
}
